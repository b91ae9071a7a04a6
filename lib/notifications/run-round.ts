import type { Db } from "@/lib/db/client";
import { claimDelivery, deliverClaimed, type Senders } from "./deliver";
import { fanOutEvent } from "./fan-out";

/** Per round and instance: a bounded amount of work, whatever the number of connections. */
export const ROUND_BATCH = 25;

/** Delivered history is kept this long (the delivery log), then pruned a bounded batch per round. */
export const KEEP_HISTORY_MS = 30 * 24 * 60 * 60_000;

export type RoundReport = {
  fannedOut: number;
  cancelled: number;
  sent: number;
  failed: number;
  pruned: number;
};

/**
 * One round of the notification worker, safe to run on every instance at
 * once: due events become deliveries (each claimed once), then due
 * deliveries are claimed and sent. Both selections read an index on
 * (state/status, due time) and take at most ROUND_BATCH rows, so a round
 * costs the same at 100 or 100,000 connections.
 */
export async function runNotificationRound(db: Db, senders: Senders, now = new Date()): Promise<RoundReport> {
  const report: RoundReport = { fannedOut: 0, cancelled: 0, sent: 0, failed: 0, pruned: 0 };
  const events = await db.notificationEvent.findMany({
    where: { state: { in: ["pending", "fanning"] }, dueAt: { lte: now } },
    orderBy: { dueAt: "asc" },
    take: ROUND_BATCH,
    select: {
      id: true,
      workspaceId: true,
      credentialId: true,
      kind: true,
      details: true,
      state: true,
      dueAt: true,
    },
  });
  for (const event of events) {
    const outcome = await fanOutEvent(db, event, { now, emailOn: senders.mail !== null });
    if (outcome === "fanned_out") report.fannedOut++;
    if (outcome === "cancelled") report.cancelled++;
  }

  const due = await db.notificationDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: ROUND_BATCH,
    select: { id: true, workspaceId: true, attempts: true, giveUpAt: true },
  });
  const mine = [];
  for (const row of due) if (await claimDelivery(db, row, now)) mine.push(row);
  // Sent side by side: one slow receiver (5 s at most) does not hold up the rest.
  const results = await Promise.all(mine.map((row) => deliverClaimed(db, row, senders, now)));
  for (const ok of results)
    if (ok) report.sent++;
    else report.failed++;

  // Old history goes, its deliveries and log with it (foreign keys cascade), through the same index.
  const old = await db.notificationEvent.findMany({
    where: {
      state: { in: ["fanned_out", "cancelled"] },
      dueAt: { lt: new Date(now.getTime() - KEEP_HISTORY_MS) },
    },
    take: ROUND_BATCH * 4,
    select: { id: true },
  });
  if (old.length)
    report.pruned = (
      await db.notificationEvent.deleteMany({
        where: {
          id: { in: old.map((row) => row.id) },
          // A delivery still being retried keeps its event.
          deliveries: { none: { status: "pending" } },
        },
      })
    ).count;
  return report;
}
