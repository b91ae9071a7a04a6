import type { Db } from "@/lib/db/client";
import { isAdmin, type Role } from "@/lib/auth/roles";

/**
 * Zoom keeps only the newest authorization of a user for an app. Other
 * credentials of this workspace on the same Zoom app stop working if their
 * Zoom user connects here: list them before the person presses Connect.
 */
export async function sameAppConnections(
  db: Db,
  input: { workspaceId: string; credentialId: string; clientId: string | null },
  viewer: { userId: string; role: Role },
) {
  if (!input.clientId) return { visible: [], othersCount: 0 };
  const rows = await db.credential.findMany({
    where: {
      workspaceId: input.workspaceId,
      clientId: input.clientId,
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
