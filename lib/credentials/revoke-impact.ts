import type { Db } from "@/lib/db/client";
import { activeClientId, sameClientIdWhere, type ZoomAppSummary } from "@/lib/zoom-apps/find-zoom-app";
import { LIVE_STATUSES, isLive } from "./status";
import type { RevokeImpact } from "./revoke-wording";

/**
 * What a revoke at Zoom would do to this credential's Zoom user. Zoom's
 * revoke uninstalls the app for that user: every connection of the same
 * user through the same Client ID dies, in any workspace. Only a live
 * credential is ever revoked; the others are counted (never named: they may
 * belong to other people or workspaces) so the dialog can offer to remove
 * the connection here only.
 */
export async function revokeImpact(
  db: Db,
  credential: {
    id: string;
    method: string;
    status: string;
    zoomUserId: string | null;
    zoomEmail: string | null;
    zoomApp: Pick<ZoomAppSummary, "activePair" | "developmentClientId" | "productionClientId"> | null;
  },
): Promise<RevokeImpact> {
  const revokes = credential.method !== "access_token" && isLive(credential.status);
  const clientId = credential.zoomApp ? activeClientId(credential.zoomApp) : null;
  const otherConnections =
    revokes && credential.method === "oauth" && clientId && credential.zoomUserId
      ? await db.credential.count({
          where: {
            id: { not: credential.id },
            zoomUserId: credential.zoomUserId,
            zoomApp: sameClientIdWhere(clientId),
            status: { in: [...LIVE_STATUSES] },
          },
        })
      : 0;
  return {
    method: credential.method,
    revokes,
    uninstalls: revokes && credential.method === "oauth",
    zoomEmail: credential.zoomEmail,
    otherConnections,
  };
}
