import type { Db } from "@/lib/db/client";

/**
 * Zoom keeps only the newest authorization of a user for an app. Other
 * credentials of this workspace on the same Zoom app stop working if their
 * Zoom user connects here: list them before the person presses Connect.
 */
export async function sameAppConnections(
  db: Db,
  input: { workspaceId: string; credentialId: string; clientId: string | null },
) {
  if (!input.clientId) return [];
  return db.credential.findMany({
    where: {
      workspaceId: input.workspaceId,
      clientId: input.clientId,
      id: { not: input.credentialId },
      zoomUserId: { not: null },
      status: { in: ["connected", "expiring_soon", "error"] },
    },
    select: { id: true, name: true, zoomEmail: true },
    take: 20,
  });
}
