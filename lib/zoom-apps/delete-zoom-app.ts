import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { findZoomApp } from "./find-zoom-app";

/**
 * Deletes an app and its secrets. Refused while connections use it: they
 * would lose their keys and die at their next renewal. The check and the
 * delete are one statement, so a connection made meanwhile still wins.
 */
export async function deleteZoomApp(db: Db, ctx: WorkspaceContext, input: { zoomAppId: string }) {
  const app = await findZoomApp(db, ctx.workspace.id, input.zoomAppId);
  const refused = () =>
    new AppError(
      "conflict",
      `“${app.name}” still has ${app.connections === 1 ? "1 credential" : `${app.connections} credentials`}. Disconnect or delete ${app.connections === 1 ? "it" : "them"} first (Credentials), then delete the app.`,
    );
  if (app.connections > 0) throw refused();
  await db.$transaction(async (tx) => {
    const deleted = await tx.zoomApp.deleteMany({
      where: { id: app.id, workspaceId: ctx.workspace.id, credentials: { none: {} } },
    });
    if (deleted.count !== 1) throw refused();
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "zoom_app.deleted",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { zoomAppId: app.id, name: app.name },
    });
  });
  return { name: app.name };
}
