import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { findZoomApp } from "./find-zoom-app";

/**
 * An app someone made while connecting their own account becomes one every
 * member may connect through. Its creator's connection stays as it is.
 */
export async function shareZoomApp(db: Db, ctx: WorkspaceContext, input: { zoomAppId: string }) {
  const app = await findZoomApp(db, ctx.workspace.id, input.zoomAppId);
  if (app.shared) return { name: app.name, changed: false };
  await db.$transaction(async (tx) => {
    await tx.zoomApp.update({ where: { id: app.id }, data: { shared: true } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "zoom_app.shared",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { zoomAppId: app.id, name: app.name },
    });
  });
  return { name: app.name, changed: true };
}
