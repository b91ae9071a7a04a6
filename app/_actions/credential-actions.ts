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
import { emptiedWords } from "@/lib/n8n/empty-on-remove";

// "here_only" deletes the stored tokens without asking Zoom to revoke (which uninstalls the app for the user).
const removeSchema = z.object({
  credentialId: z.string().min(1),
  mode: z.enum(["revoke", "here_only"]).default("revoke"),
});
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

export const disconnectAction = workspaceAction(
  { schema: removeSchema, role: "member" },
  async (ctx, input) => {
    const { revokedAtZoom, warning, zoomEmail, n8n } = await disconnectCredential(
      db(),
      ctx,
      input.credentialId,
      input.mode,
    );
    revalidatePath(pagePath(ctx.workspace.slug, input.credentialId));
    const message =
      warning ??
      (revokedAtZoom
        ? "Disconnected: Zoom revoked the token and the stored tokens are deleted."
        : input.mode === "here_only"
          ? `Removed here only: the stored tokens are deleted and Zoom was not asked to revoke, so ${zoomEmail ?? "the Zoom user"}’s other connections keep working.`
          : "Disconnected: the stored tokens are deleted. Zoom was not asked to revoke, as this connection was no longer live.");
    return { ok: true, message: message + emptiedWords(n8n) };
  },
);

export const deleteAction = workspaceAction({ schema: removeSchema, role: "member" }, async (ctx, input) => {
  const { n8n } = await deleteCredential(db(), ctx, input.credentialId, input.mode);
  // The list says what happened in n8n: the token there was emptied, or is being.
  const n8nNote = n8n
    ? `&${new URLSearchParams({ n8n: n8n.ok ? "emptied" : "pending", n8nName: n8n.n8nCredentialName })}`
    : "";
  redirect(`/w/${ctx.workspace.slug}/credentials?deleted=1${n8nNote}`);
});
