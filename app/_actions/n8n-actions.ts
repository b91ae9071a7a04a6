"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { emptiedWords } from "@/lib/n8n/empty-on-remove";
import { removeN8nTarget, saveN8nTarget } from "@/lib/n8n/n8n-target";
import { n8nTargetSchema, stopUsingInN8nSchema, useInN8nSchema } from "@/lib/n8n/schemas";
import { startUsingInN8n, stopUsingInN8n } from "@/lib/n8n/use-in-n8n";

const credentialPath = (slug: string, id: string) => `/w/${slug}/credentials/${id}`;

export const saveN8nTargetAction = workspaceAction(
  { schema: n8nTargetSchema, role: "admin" },
  async (ctx, input) => {
    const { words } = await saveN8nTarget(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/n8n`);
    return { ok: true, message: `Saved. ${words} The key is stored encrypted and never shown again.` };
  },
);

export const removeN8nTargetAction = workspaceAction(
  { schema: z.object({ confirm: z.literal("yes") }), role: "admin" },
  async (ctx) => {
    await removeN8nTarget(db(), ctx);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/n8n`);
    return { ok: true, message: "n8n removed: its key is deleted." };
  },
);

export const startUsingInN8nAction = workspaceAction(
  { schema: useInN8nSchema, role: "member" },
  async (ctx, input) => {
    const used = await startUsingInN8n(db(), ctx, {
      credentialId: input.credentialId,
      ...(input.n8nCredentialId ? { n8nCredentialId: input.n8nCredentialId } : {}),
    });
    revalidatePath(credentialPath(ctx.workspace.slug, input.credentialId));
    return {
      ok: true,
      message: `${used.words} In n8n, pick the credential “${used.n8nCredentialName}” in a Zoom node (Authentication: OAuth2). Every renewal is pushed to it.`,
    };
  },
);

export const stopUsingInN8nAction = workspaceAction(
  { schema: stopUsingInN8nSchema, role: "member" },
  async (ctx, input) => {
    const stopped = await stopUsingInN8n(db(), ctx, input.credentialId);
    revalidatePath(credentialPath(ctx.workspace.slug, input.credentialId));
    return {
      ok: true,
      message:
        `Stopped: new tokens are no longer pushed to n8n. Zoom was not touched.` +
        emptiedWords(stopped.emptied && { n8nCredentialName: stopped.n8nCredentialName, ...stopped.emptied }),
    };
  },
);
