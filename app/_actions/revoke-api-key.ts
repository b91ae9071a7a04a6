"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";

export const revokeApiKeyAction = workspaceAction(
  { schema: z.object({ apiKeyId: z.string().min(1) }), role: "admin" },
  async (ctx, input) => {
    await revokeApiKey(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/api-keys`);
    return { ok: true, message: "The key is revoked: requests with it now get 401." };
  },
);
