import type { Db } from "@/lib/db/client";
import { asStatus, type CredentialStatus } from "@/lib/credentials/status";
import { zoomAppSelect } from "./find-zoom-app";

/**
 * The workspace's Zoom apps for the admins' page: what each is, and how its
 * connections are doing (counted per status, never listed here).
 */
export async function listZoomApps(db: Db, workspaceId: string) {
  if (!workspaceId) return [];
  const apps = await db.zoomApp.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: {
      ...zoomAppSelect,
      setupStep: true,
      eventSecretTokenEnc: true,
      createdBy: { select: { name: true } },
    },
  });
  const counts = await db.credential.groupBy({
    by: ["zoomAppId", "status"],
    where: { workspaceId, zoomAppId: { in: apps.map((a) => a.id) } },
    _count: { _all: true },
  });
  return apps.map(({ eventSecretTokenEnc, ...app }) => {
    const health: Partial<Record<CredentialStatus, number>> = {};
    for (const row of counts)
      if (row.zoomAppId === app.id) {
        const status = asStatus(row.status);
        health[status] = (health[status] ?? 0) + row._count._all;
      }
    const connections = Object.values(health).reduce((sum, n) => sum + n, 0);
    // Whether Zoom can sign events for it yet, never the token.
    return { ...app, hasEventSecretToken: eventSecretTokenEnc !== null, connections, health };
  });
}

export type ZoomAppListItem = Awaited<ReturnType<typeof listZoomApps>>[number];
