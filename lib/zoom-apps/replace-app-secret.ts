import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { findZoomApp } from "./find-zoom-app";
import { replaceZoomAppSecret } from "./manage-zoom-app";

/**
 * A new Client Secret (after "Regenerate" in Zoom) belongs to the Zoom app:
 * one write, so every one of its connections keeps its tokens and renews
 * with it next time. Replaced from the app's page, or from one of its
 * connections' pages (`fromCredentialId`: audited on that credential). The
 * callers decide who may do it.
 */
export async function replaceAppSecret(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; clientSecret: string; fromCredentialId?: string },
): Promise<{ name: string; connections: number }> {
  const app = await findZoomApp(db, ctx.workspace.id, input.zoomAppId);
  return db.$transaction(async (tx) => {
    const replaced = await replaceZoomAppSecret(tx, {
      workspaceId: ctx.workspace.id,
      zoomAppId: app.id,
      clientSecret: input.clientSecret,
    });
    const actor = { userId: ctx.user.id, label: ctx.user.name };
    await recordAuditEvent(
      tx,
      input.fromCredentialId
        ? {
            workspaceId: ctx.workspace.id,
            action: "credential.secret_replaced",
            actor,
            credentialId: input.fromCredentialId,
            details: {
              zoomApp: replaced.name,
              appliesTo:
                replaced.connections === 1
                  ? "this connection"
                  : `all ${replaced.connections} connections of the app`,
            },
          }
        : {
            workspaceId: ctx.workspace.id,
            action: "zoom_app.secret_replaced",
            actor,
            details: { zoomAppId: app.id, name: replaced.name, connections: replaced.connections },
          },
    );
    return replaced;
  });
}
