import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { markRevoked } from "@/lib/credentials/transitions";
import type { EventApp } from "../event-secret-token";
import { forgetServedCredential } from "@/lib/token-api/serving";
import { onceForZoomEvent, zoomEventKey } from "./zoom-event-receipts";

export type Deauthorization = {
  accountId: string;
  userId: string;
  clientId: string;
  deauthorizedAt: Date;
  userDataRetention: boolean;
};

const dateWords = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
    date,
  ) + " UTC";

/**
 * Zoom says the app was removed from a Zoom user's account: every token set
 * of that user and app authorized before then is dead at Zoom already. Their
 * connections through this app (either of its Client IDs — an uninstall
 * kills both pairs) become Revoked with the reason, their tokens deleted.
 * Never revoke at Zoom here: there is nothing left to revoke.
 *
 * Zoom retries an event until it hears 2xx, each retry freshly signed, and
 * a retry may come after the person has connected again. So a connection
 * authorized after `deauthorizedAt` is left alone, and the same event is
 * handled once (zoom-event-receipts.ts): `repeated` says it was seen before.
 */
export async function removeConnectionsInZoom(
  db: Db,
  app: EventApp,
  event: Deauthorization,
  now = new Date(),
): Promise<{ revoked: number; repeated: boolean }> {
  const clientIds = [app.developmentClientId, app.productionClientId].filter((id) => id !== null);
  // An event for another app's Client ID was not meant for this endpoint.
  if (!clientIds.includes(event.clientId)) return { revoked: 0, repeated: false };
  const key = zoomEventKey(app.id, "app_deauthorized", [
    event.accountId,
    event.userId,
    event.clientId,
    event.deauthorizedAt.toISOString(),
  ]);
  // After the commit: what the API served from memory for them must go (lib/token-api/serving.ts).
  const handled = await onceForZoomEvent(db, { key, zoomAppId: app.id, now }, async (tx) => {
    const connections = await tx.credential.findMany({
      where: {
        workspaceId: app.workspaceId,
        zoomUserId: event.userId,
        method: "oauth",
        status: { not: "revoked" },
        // Authorized again since the removal: a new token set Zoom still honours.
        // Unknown (connected before the app kept this): the removal applies.
        OR: [{ authorizedAt: null }, { authorizedAt: { lt: event.deauthorizedAt } }],
        zoomApp: {
          OR: [
            { id: app.id },
            { developmentClientId: event.clientId },
            { productionClientId: event.clientId },
          ],
        },
      },
      select: { id: true, name: true, zoomEmail: true, version: true },
    });
    let revoked = 0;
    for (const connection of connections) {
      // At the version read: a handshake committed meanwhile bumped it, and its new set must stay.
      const changed = await markRevoked(
        tx,
        { id: connection.id, version: connection.version },
        {
          now,
          reason: {
            code: "app_deauthorized",
            message: `Removed in Zoom on ${dateWords(event.deauthorizedAt)}: ${connection.zoomEmail ?? "the Zoom user"} removed the app “${app.name}” from their Zoom account, so Zoom no longer accepts this connection. Connect again to use it.`,
          },
        },
      );
      if (changed === 0) continue;
      revoked++;
      await recordAuditEvent(tx, {
        workspaceId: app.workspaceId,
        action: "credential.removed_in_zoom",
        actor: { system: true, label: "Zoom" },
        credentialId: connection.id,
        details: {
          zoomUser: connection.zoomEmail,
          zoomApp: app.name,
          removedAt: event.deauthorizedAt.toISOString(),
          userDataRetention: event.userDataRetention,
        },
      });
    }
    return revoked;
  }).finally(() => forgetServedCredential());
  return handled.repeated ? { revoked: 0, repeated: true } : { revoked: handled.result, repeated: false };
}
