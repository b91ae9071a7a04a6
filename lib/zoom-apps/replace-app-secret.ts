import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { findZoomApp } from "./find-zoom-app";
import { replaceZoomAppSecret } from "./manage-zoom-app";

/**
 * A new Client Secret on the app's page (after "Regenerate" in Zoom): one
 * write for the app, so every one of its connections renews with it next time.
 */
export async function replaceAppSecret(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; clientSecret: string },
): Promise<{ name: string; connections: number }> {
  const app = await findZoomApp(db, ctx.workspace.id, input.zoomAppId);
  return db.$transaction(async (tx) => {
    const replaced = await replaceZoomAppSecret(tx, {
      workspaceId: ctx.workspace.id,
      zoomAppId: app.id,
      clientSecret: input.clientSecret,
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "zoom_app.secret_replaced",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { zoomAppId: app.id, name: replaced.name, connections: replaced.connections },
    });
    return replaced;
  });
}
