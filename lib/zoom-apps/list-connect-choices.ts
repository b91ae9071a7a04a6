import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Db } from "@/lib/db/client";
import { listConnectableApps, zoomUsersOnApp } from "./connect-through-app";

/**
 * What "Connect my Zoom account" offers a person: the workspace's shared
 * apps, each with the Zoom users already connected through it that this
 * person may be warned of by name (the new connection would stop theirs).
 */
export async function listConnectChoices(db: Db, ctx: WorkspaceContext) {
  const apps = await listConnectableApps(db, ctx.workspace.id);
  return Promise.all(
    apps.map(async (app) => ({
      id: app.id,
      name: app.name,
      zoomUsers: await zoomUsersOnApp(db, ctx.workspace.id, app.id, { userId: ctx.user.id, role: ctx.role }),
    })),
  );
}
