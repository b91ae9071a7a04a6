import type { Db } from "@/lib/db/client";

/** The connections of one app, for its admin page. The caller has checked the admin role. */
export async function listAppConnections(db: Db, workspaceId: string, zoomAppId: string) {
  if (!workspaceId || !zoomAppId) return [];
  return db.credential.findMany({
    where: { workspaceId, zoomAppId },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, name: true, status: true, zoomEmail: true, owner: { select: { name: true } } },
  });
}
