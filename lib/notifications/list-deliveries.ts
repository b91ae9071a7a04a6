import type { Db } from "@/lib/db/client";
import { NOTIFICATION_KINDS, parseDetails, type NotificationKind } from "./event-kinds";

export const LOG_PAGE = 50;

/**
 * The delivery log of a workspace: each attempt, newest first, with its
 * status code and a short note. `channel` narrows it (Admin → Notifications
 * shows webhooks, Settings the member's own email). Bounded to one page.
 */
export async function listDeliveryAttempts(
  db: Db,
  workspaceId: string,
  filter: { channel?: "email" | "webhook"; target?: string } = {},
) {
  const rows = await db.notificationAttempt.findMany({
    where: {
      workspaceId,
      ...(filter.channel || filter.target
        ? {
            delivery: {
              ...(filter.channel ? { channel: filter.channel } : {}),
              ...(filter.target ? { target: filter.target } : {}),
            },
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_PAGE,
    select: {
      id: true,
      attempt: true,
      ok: true,
      statusCode: true,
      note: true,
      createdAt: true,
      delivery: {
        select: {
          channel: true,
          target: true,
          status: true,
          nextAttemptAt: true,
          event: { select: { kind: true, details: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    attempt: row.attempt,
    ok: row.ok,
    statusCode: row.statusCode,
    note: row.note,
    channel: row.delivery.channel,
    recipient: row.delivery.channel === "email" ? row.delivery.target : "Webhook",
    deliveryStatus: row.delivery.status,
    nextAttemptAt: row.delivery.status === "pending" ? row.delivery.nextAttemptAt : null,
    event: NOTIFICATION_KINDS[row.delivery.event.kind as NotificationKind]?.type ?? row.delivery.event.kind,
    credentialName: parseDetails(row.delivery.event.details).credentialName,
  }));
}
