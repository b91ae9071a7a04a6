"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import {
  deleteCredential,
  disconnectCredential,
  renameCredential,
  replaceClientSecret,
} from "@/lib/credentials/manage-credential";
import { renameSchema, replaceSecretSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";

const idSchema = z.object({ credentialId: z.string().min(1) });
const pagePath = (slug: string, id: string) => `/w/${slug}/credentials/${id}`;

export const renameAction = workspaceAction({ schema: renameSchema, role: "member" }, async (ctx, input) => {
  await renameCredential(db(), ctx, input);
  revalidatePath(pagePath(ctx.workspace.slug, input.credentialId));
  return { ok: true, message: "Renamed." };
});

export const replaceSecretAction = workspaceAction(
  { schema: replaceSecretSchema, role: "member" },
  async (ctx, input) => {
    const { appName, connections } = await replaceClientSecret(db(), ctx, input);
    revalidatePath(pagePath(ctx.workspace.slug, input.credentialId));
    return {
      ok: true,
      message:
        connections > 1
          ? `The new Client Secret is saved (encrypted) on the Zoom app “${appName}”: all ${connections} of its connections use it from their next renewal.`
          : "The new Client Secret is saved (encrypted).",
    };
  },
);

export const disconnectAction = workspaceAction({ schema: idSchema, role: "member" }, async (ctx, input) => {
  const { warning } = await disconnectCredential(db(), ctx, input.credentialId);
  revalidatePath(pagePath(ctx.workspace.slug, input.credentialId));
  return {
    ok: true,
    message: warning ?? "Disconnected: Zoom revoked the token and the stored tokens are deleted.",
  };
});

export const deleteAction = workspaceAction({ schema: idSchema, role: "member" }, async (ctx, input) => {
  await deleteCredential(db(), ctx, input.credentialId);
  redirect(`/w/${ctx.workspace.slug}/credentials?deleted=1`);
});
