"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { disconnectCredential } from "@/lib/credentials/manage-credential";
import { removeCredentialSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";
import { emptiedWords } from "@/lib/n8n/empty-on-remove";

export const disconnectCredentialAction = workspaceAction(
  { schema: removeCredentialSchema, role: "member" },
  async (ctx, input) => {
    const { revokedAtZoom, warning, zoomEmail, n8n } = await disconnectCredential(
      db(),
      ctx,
      input.credentialId,
      input.mode,
    );
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
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
