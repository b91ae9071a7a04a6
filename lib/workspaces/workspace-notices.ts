import type { WorkspaceContext } from "@/lib/auth/guard";
import { credentialScope } from "@/lib/credentials/find-credential";
import type { Db } from "@/lib/db/client";

/**
 * What the workspace's header warns a person of, on every page: for admins
 * about every credential, for members about their own.
 */
export async function loadWorkspaceNotices(db: Db, ctx: WorkspaceContext) {
  const [needReconnect, removedInZoom, n8nFailing] = await Promise.all([
    // The notice Zoom's invalid_grant leads to.
    db.credential.count({ where: { ...credentialScope(ctx), status: "needs_reconnect" } }),
    // Zoom's app_deauthorized: the app was removed from someone's Zoom account.
    db.credential.count({
      where: { ...credentialScope(ctx), status: "revoked", lastErrorCode: "app_deauthorized" },
    }),
    // A credential used in n8n whose new token n8n does not take (lib/n8n): the node will fail.
    // Two are enough to tell "this one" from "several".
    db.n8nLink.findMany({
      where: { workspaceId: ctx.workspace.id, failingSince: { not: null }, credential: credentialScope(ctx) },
      select: { credentialId: true },
      take: 2,
    }),
  ]);
  return { needReconnect, removedInZoom, n8nFailing: n8nFailing.map((link) => link.credentialId) };
}
