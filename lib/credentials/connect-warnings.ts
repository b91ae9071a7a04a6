import type { Db } from "@/lib/db/client";
import { isAdmin, type Role } from "@/lib/auth/roles";
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
  viewer: { userId: string; role: Role },
) {
  const clientId = input.zoomApp ? activeClientId(input.zoomApp) : null;
  if (!clientId) return { visible: [], othersCount: 0 };
  const rows = await db.credential.findMany({
    where: {
      workspaceId: input.workspaceId,
      zoomApp: sameClientIdWhere(clientId),
      id: { not: input.credentialId },
      zoomUserId: { not: null },
      status: { in: ["connected", "expiring_soon", "error"] },
    },
    select: { id: true, name: true, zoomEmail: true, ownerId: true },
    take: 20,
  });
  // A member sees only their own connections; of others', just that they exist.
  const maySee = (row: { ownerId: string }) => isAdmin(viewer.role) || row.ownerId === viewer.userId;
  return {
    visible: rows.filter(maySee).map(({ id, name, zoomEmail }) => ({ id, name, zoomEmail })),
    othersCount: rows.filter((row) => !maySee(row)).length,
  };
}

/**
 * Whether the same Zoom app (and, once known, the same Zoom user) is connected
 * in another workspace. Only yes or no: another workspace's names, owners and
 * emails are not this workspace's to see.
 */
export async function connectedInOtherWorkspaces(
  db: Db,
  input: { workspaceId: string; zoomApp: ZoomAppSummary | null; zoomUserId: string | null },
): Promise<boolean> {
  const clientId = input.zoomApp ? activeClientId(input.zoomApp) : null;
  if (!clientId) return false;
  const other = await db.credential.findFirst({
    where: {
      workspaceId: { not: input.workspaceId },
      zoomApp: sameClientIdWhere(clientId),
      zoomUserId: input.zoomUserId ?? { not: null },
      status: { in: ["connected", "expiring_soon", "error"] },
    },
    select: { id: true },
  });
  return other !== null;
}
