import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { startAppConnection } from "@/lib/zoom-apps/connect-through-app";
import type { ConnectSession } from "@/lib/zoom-connect/connect-session";
import { connectLinkStateMessages, findConnectLink } from "./find-connect-link";

const linkLabel = (note: string) => (note ? `Connect link (${note.slice(0, 60)})` : "Connect link");

/**
 * Someone opened a valid link and pressed Connect to Zoom: the connection is
 * made for the link's owner, through the link's app. The link keeps its
 * draft, so a failed handshake can be tried again with the same link; it is
 * used up only when Zoom connected (markConnectLinkUsed).
 */
export async function prepareLinkConnection(db: Db, token: string): Promise<ConnectSession> {
  const link = await findConnectLink(db, token);
  if (link.state !== "valid") throw new AppError("not_found", connectLinkStateMessages[link.state]);
  const { credentialId } = await startAppConnection(db, {
    workspaceId: link.workspaceId,
    ownerId: link.ownerId,
    actor: { system: true, label: linkLabel(link.note) },
    zoomAppId: link.zoomAppId,
    name: link.note ? `${link.note} (connect link)` : `Connected by link for ${link.ownerName}`,
    retryCredentialId: link.credentialId ?? undefined,
  });
  await db.connectLink.updateMany({ where: { id: link.id, usedAt: null }, data: { credentialId } });
  return {
    credentialId,
    workspaceId: link.workspaceId,
    userId: link.ownerId,
    slug: link.workspaceSlug,
    userName: linkLabel(link.note),
    flow: "link",
    link: token,
  };
}

/** Whether the link of this handshake may still be used (checked again when Zoom sends the person back). */
export async function connectLinkStillOpen(db: Db, session: ConnectSession): Promise<boolean> {
  if (session.flow !== "link") return true;
  const link = await findConnectLink(db, session.link);
  return link.state === "valid" && link.credentialId === session.credentialId;
}

/** After the handshake stored its tokens: the link is used up, once. */
export async function markConnectLinkUsed(db: Db, session: ConnectSession, now = new Date()) {
  if (session.flow !== "link") return;
  await db.$transaction(async (tx) => {
    const link = await tx.connectLink.findFirst({
      where: { workspaceId: session.workspaceId, credentialId: session.credentialId, usedAt: null },
      select: { id: true, note: true },
    });
    if (!link) return;
    const used = await tx.connectLink.updateMany({
      where: { id: link.id, usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return;
    await recordAuditEvent(tx, {
      workspaceId: session.workspaceId,
      action: "connect_link.used",
      actor: { system: true, label: linkLabel(link.note) },
      credentialId: session.credentialId,
      targetUserId: session.userId,
      details: { linkId: link.id },
    });
  });
}
