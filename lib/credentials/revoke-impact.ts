import type { Db } from "@/lib/db/client";
import { activeClientId, type ZoomAppSummary } from "@/lib/zoom-apps/find-zoom-app";
import { LIVE_STATUSES, isLive } from "./status";
import type { RevokeImpact } from "./revoke-wording";

type ImpactInput = {
  id: string;
  method: string;
  status: string;
  zoomUserId: string | null;
  zoomEmail: string | null;
  zoomApp: Pick<ZoomAppSummary, "activePair" | "developmentClientId" | "productionClientId"> | null;
};

/**
 * What a revoke at Zoom would do to this credential's Zoom user. Zoom's
 * revoke uninstalls the app for that user: every connection of the same
 * user through the same Client ID dies, in any workspace. Only a live
 * credential is ever revoked; the others are counted (never named: they may
 * belong to other people or workspaces) so the dialog can offer to remove
 * the connection here only.
 */
export async function revokeImpact(db: Db, credential: ImpactInput): Promise<RevokeImpact> {
  const [impact] = await revokeImpacts(db, [credential]);
  return impact!;
}

/** The same for a page of credentials, in one query rather than one per row. */
export async function revokeImpacts(db: Db, credentials: ImpactInput[]): Promise<RevokeImpact[]> {
  const revokes = (c: ImpactInput) => c.method !== "access_token" && isLive(c.status);
  const clientIdOf = (c: ImpactInput) => (c.zoomApp ? activeClientId(c.zoomApp) : null);
  const askedUsers = [
    ...new Set(
      credentials.filter((c) => revokes(c) && c.method === "oauth" && clientIdOf(c)).map((c) => c.zoomUserId),
    ),
  ].filter((id): id is string => Boolean(id));
  const live = askedUsers.length
    ? await db.credential.findMany({
        where: {
          zoomUserId: { in: askedUsers },
          status: { in: [...LIVE_STATUSES] },
          zoomAppId: { not: null },
        },
        select: {
          id: true,
          zoomUserId: true,
          zoomApp: { select: { activePair: true, developmentClientId: true, productionClientId: true } },
        },
      })
    : [];
  return credentials.map((credential) => {
    const clientId = clientIdOf(credential);
    const otherConnections =
      revokes(credential) && credential.method === "oauth" && clientId && credential.zoomUserId
        ? live.filter(
            (other) =>
              other.id !== credential.id &&
              other.zoomUserId === credential.zoomUserId &&
              other.zoomApp !== null &&
              activeClientId(other.zoomApp) === clientId,
          ).length
        : 0;
    return {
      method: credential.method,
      revokes: revokes(credential),
      uninstalls: revokes(credential) && credential.method === "oauth",
      zoomEmail: credential.zoomEmail,
      otherConnections,
    };
  });
}
