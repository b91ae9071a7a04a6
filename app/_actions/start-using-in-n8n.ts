"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { useInN8nSchema } from "@/lib/n8n/schemas";
import { startUsingInN8n } from "@/lib/n8n/use-in-n8n";

export const startUsingInN8nAction = workspaceAction(
  { schema: useInN8nSchema, role: "member" },
  async (ctx, input) => {
    const used = await startUsingInN8n(db(), ctx, {
      credentialId: input.credentialId,
      ...(input.n8nCredentialId ? { n8nCredentialId: input.n8nCredentialId } : {}),
    });
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return {
      ok: true,
      message: `${used.words} In n8n, pick the credential “${used.n8nCredentialName}” in a Zoom node (Authentication: OAuth2). Every renewal is pushed to it.`,
    };
  },
);
