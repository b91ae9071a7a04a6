"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createApiKeySchema } from "@/lib/api-keys/api-key-schema";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";

export const createApiKeyAction = workspaceAction(
  { schema: createApiKeySchema, role: "admin" },
  async (ctx, input) => {
    const { key, prefix } = await createApiKey(db(), ctx, {
      name: input.name,
      scope: {
        actions: input.actions,
        credentialIds: input.connections === "all" ? null : input.credentialIds,
      },
    });
    revalidatePath(`/w/${ctx.workspace.slug}/admin/api-keys`);
    return { ok: true, data: { key, prefix, name: input.name } } as const;
  },
);
