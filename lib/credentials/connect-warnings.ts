import type { Db } from "@/lib/db/client";
import { activeClientId, sameClientIdWhere, type ZoomAppSummary } from "@/lib/zoom-apps/find-zoom-app";

/**
 * Zoom keeps only the newest authorization of a user for an app. Other
 * credentials of this workspace on the same Zoom app (the same Client ID in
 * use, whichever app record holds it) stop working if their Zoom user
 * connects here: list them before the person presses Connect.
 */
export async function sameAppConnections(
  db: Db,
  input: { workspaceId: string; credentialId: string; zoomApp: ZoomAppSummary | null },
) {
  const clientId = input.zoomApp ? activeClientId(input.zoomApp) : null;
  if (!clientId) return [];
  return db.credential.findMany({
    where: {
      workspaceId: input.workspaceId,
      zoomApp: sameClientIdWhere(clientId),
      id: { not: input.credentialId },
      zoomUserId: { not: null },
      status: { in: ["connected", "expiring_soon", "error"] },
    },
    select: { id: true, name: true, zoomEmail: true },
    take: 20,
  });
}
