import type { Db } from "@/lib/db/client";
import { hashInviteToken } from "@/lib/members/invite-token";

export type ConnectLinkView =
  | {
      state: "valid";
      id: string;
      workspaceId: string;
      workspaceSlug: string;
      workspaceName: string;
      zoomAppId: string;
      appName: string;
      scopes: string;
      askedBy: string;
      ownerId: string;
      ownerName: string;
      note: string;
      expiresAt: Date;
      credentialId: string | null;
    }
  | { state: "used" | "expired" | "revoked" | "unknown" };

/**
 * The one way to open a connect link: by its raw token (only the hash is
 * stored). A link works once, until it expires, and not after it is revoked.
 */
export async function findConnectLink(
  db: Pick<Db, "connectLink" | "user">,
  token: string,
  now = new Date(),
): Promise<ConnectLinkView> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { state: "unknown" };
  const link = await db.connectLink.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: {
      workspace: { select: { name: true, slug: true } },
      zoomApp: { select: { name: true, scopes: true, shared: true } },
    },
  });
  if (!link) return { state: "unknown" };
  if (link.usedAt) return { state: "used" };
  if (link.revokedAt || !link.zoomApp.shared) return { state: "revoked" };
  if (link.expiresAt <= now) return { state: "expired" };
  const [creator, owner] = await Promise.all([
    db.user.findUnique({ where: { id: link.createdById }, select: { name: true } }),
    db.user.findUnique({ where: { id: link.ownerId }, select: { name: true } }),
  ]);
  return {
    state: "valid",
    id: link.id,
    workspaceId: link.workspaceId,
    workspaceSlug: link.workspace.slug,
    workspaceName: link.workspace.name,
    zoomAppId: link.zoomAppId,
    appName: link.zoomApp.name,
    scopes: link.zoomApp.scopes,
    askedBy: creator?.name ?? "A workspace admin",
    ownerId: link.ownerId,
    ownerName: owner?.name ?? "a workspace member",
    note: link.note,
    expiresAt: link.expiresAt,
    credentialId: link.credentialId,
  };
}

/** How a link acts in the audit log: it has no account, only its note. */
export const linkLabel = (note: string) => (note ? `Connect link (${note.slice(0, 60)})` : "Connect link");

export const connectLinkStateMessages = {
  used: "This connect link has already been used: each link connects one Zoom account, once. If you need to connect again, ask the person who sent it for a new link.",
  expired: "This connect link has expired. Ask the person who sent it for a new one.",
  revoked: "This connect link was withdrawn. Ask the person who sent it for a new one.",
  unknown: "This connect link is not valid. Check that you copied the whole link.",
} as const;
