"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";

const nameSchema = z
  .string({ error: "Give the key a name." })
  .trim()
  .min(2, "Use at least 2 characters, for example “n8n production”.")
  .max(60, "Use at most 60 characters.");

export const createApiKeyAction = workspaceAction(
  { schema: z.object({ name: nameSchema }), role: "admin" },
  async (ctx, input) => {
    const { key, prefix } = await createApiKey(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/api-keys`);
    return { ok: true, data: { key, prefix, name: input.name } } as const;
  },
);

export const revokeApiKeyAction = workspaceAction(
  { schema: z.object({ apiKeyId: z.string().min(1) }), role: "admin" },
  async (ctx, input) => {
    await revokeApiKey(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/api-keys`);
    return { ok: true, message: "The key is revoked: requests with it now get 401." };
  },
);
