import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { findCredential } from "./find-credential";

/**
 * The browser may already be signed in to Zoom as someone else, and Zoom then
 * authorizes that person without asking. So the connect step may note whom
 * the connection is meant for; a handshake that comes back as another Zoom
 * user is kept (it works) but flagged until the person reconnects or keeps it.
 */
export type WrongZoomUser = { signedInAs: string; meantFor: string };

export function wrongZoomUser(credential: {
  zoomEmail: string | null;
  expectedZoomEmail: string | null;
}): WrongZoomUser | null {
  const { zoomEmail, expectedZoomEmail } = credential;
  if (!zoomEmail || !expectedZoomEmail || zoomEmail.toLowerCase() === expectedZoomEmail) return null;
  return { signedInAs: zoomEmail, meantFor: expectedZoomEmail };
}

/** Before a handshake: note (or clear, with null) whom it is meant for. */
export async function noteExpectedZoomEmail(
  db: Pick<Db, "credential">,
  credentialId: string,
  email: string | null,
): Promise<void> {
  await db.credential.update({ where: { id: credentialId }, data: { expectedZoomEmail: email } });
}

/** "Keep this one": the Zoom user who connected is the one meant after all. */
export async function keepConnectedZoomUser(db: Db, ctx: WorkspaceContext, credentialId: string) {
  const credential = await findCredential(db, ctx, credentialId);
  const wrong = wrongZoomUser(credential);
  if (!wrong)
    throw new AppError("invalid_input", "This connection is already meant for the Zoom user who connected.");
  await db.credential.update({ where: { id: credential.id }, data: { expectedZoomEmail: wrong.signedInAs } });
  await recordAuditEvent(db, {
    workspaceId: ctx.workspace.id,
    action: "credential.zoom_user_kept",
    actor: { userId: ctx.user.id, label: ctx.user.name },
    credentialId: credential.id,
    details: { zoomUser: wrong.signedInAs, meantFor: wrong.meantFor },
  });
}
