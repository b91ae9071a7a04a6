import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { startAppConnection } from "@/lib/zoom-apps/connect-through-app";
import type { ConnectSession } from "@/lib/zoom-connect/connect-session";
import { connectLinkStateMessages, findConnectLink, linkLabel } from "./find-connect-link";

/**
 * Someone opened a valid link and pressed Connect to Zoom: the connection is
 * made for the link's owner, through the link's app. The link keeps its
 * draft, so a failed handshake can be tried again with the same link; it is
 * claimed when the person comes back from Zoom (claim-connect-link.ts) and
 * given back if that return does not connect.
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

/** Whether the link of this handshake may still be used (before Zoom; the return claims it). */
export async function connectLinkStillOpen(db: Db, session: ConnectSession): Promise<boolean> {
  if (session.flow !== "link") return true;
  const link = await findConnectLink(db, session.link);
  return link.state === "valid" && link.credentialId === session.credentialId;
}
