import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashInviteToken } from "@/lib/members/invite-token";
import type { ConnectSession } from "@/lib/zoom-connect/connect-session";
import { linkLabel } from "./find-connect-link";

type LinkSession = ConnectSession & { flow: "link"; link: string };

/** A link held by one return from Zoom: `claimedAt` is what `usedAt` was set to. */
export type LinkClaim = { linkId: string; note: string; claimedAt: Date };

/**
 * When the person comes back from Zoom, the link is claimed before Zoom's
 * code is exchanged or anything is stored: one conditional update, so of
 * several people returning on one link at the same moment exactly one goes
 * on, and the others' Zoom grants are never exchanged nor stored (an
 * exchange of the same Zoom user would even kill the winner's token set).
 * Null: the link is used, claimed by another return, revoked or expired.
 */
export async function claimConnectLink(
  db: Pick<Db, "connectLink">,
  session: LinkSession,
  now = new Date(),
): Promise<LinkClaim | null> {
  const link = await db.connectLink.findUnique({
    where: { tokenHash: hashInviteToken(session.link) },
    select: { id: true, note: true },
  });
  if (!link) return null;
  const claimed = await db.connectLink.updateMany({
    where: {
      id: link.id,
      workspaceId: session.workspaceId,
      credentialId: session.credentialId,
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { usedAt: now },
  });
  return claimed.count === 1 ? { linkId: link.id, note: link.note, claimedAt: now } : null;
}

/**
 * A claimed return that did not connect (Zoom refused, the person declined,
 * storing failed) gives the link back, so the person can try again: a
 * failure on our side or Zoom's must not use up their one link. Only this
 * claim is released — the condition on `usedAt` leaves anyone else's alone.
 */
export async function releaseConnectLink(db: Pick<Db, "connectLink">, claim: LinkClaim): Promise<void> {
  await db.connectLink.updateMany({
    where: { id: claim.linkId, usedAt: claim.claimedAt },
    data: { usedAt: null },
  });
}

/** The audit record of a link that connected (the claim already marked it used). */
export async function recordConnectLinkUsed(db: Db, session: ConnectSession, claim: LinkClaim) {
  await recordAuditEvent(db, {
    workspaceId: session.workspaceId,
    action: "connect_link.used",
    actor: { system: true, label: linkLabel(claim.note) },
    credentialId: session.credentialId,
    targetUserId: session.userId,
    details: { linkId: claim.linkId },
  });
}
