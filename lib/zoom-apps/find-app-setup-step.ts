import type { Db } from "@/lib/db/client";

/**
 * How far an app added on the Zoom apps page got in its own setup (the
 * furthest step saved), for the app's page to offer "Continue setup". Apps
 * made in a credential's wizard have none.
 */
export async function findAppSetupStep(
  db: Pick<Db, "zoomApp">,
  workspaceId: string,
  zoomAppId: string,
): Promise<string | null> {
  if (!workspaceId || !zoomAppId) return null;
  const app = await db.zoomApp.findFirst({
    where: { id: zoomAppId, workspaceId },
    select: { setupStep: true },
  });
  return app?.setupStep ?? null;
}
