// npm run bench:notify — the notification worker's round at
// 10,000 and 100,000 connections: each connection has a history in the outbox
// (an event fanned out, two deliveries sent, their log), and 10 changes are
// due. Prints the round's time and PostgreSQL/SQLite's plan for its two
// selections (they must read the due-time indexes). Asserts nothing.
// DATABASE_URL=postgresql://…?schema=… runs it on PostgreSQL.
import { rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(".bench-data-notify");
rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "bench.db")}`,
  NEXT_TELEMETRY_DISABLED: "1",
});

const { getEnv } = await import("../lib/env");
const { migrateDatabase } = await import("../lib/db/migrate");
const { createDb, isPostgres } = await import("../lib/db/client");
const { runNotificationRound } = await import("../lib/notifications/run-round");

const env = getEnv();
await migrateDatabase(env.databaseUrl);
const db = createDb(env.databaseUrl);
const senders = {
  appUrl: "https://wizard.example.com",
  mail: { smtpUrl: "smtp://127.0.0.1:9", from: "w@example.com" },
  allowPrivateTargets: false,
  sendEmail: () => Promise.resolve({ ok: true, statusCode: 250, note: null }),
  sendWebhook: () => Promise.resolve({ ok: true, statusCode: 200, note: null }),
};

async function seed(total: number, workspaceId: string, ownerId: string, from: number) {
  const past = new Date(Date.now() - 86_400_000);
  for (let start = from; start < total; start += 2000) {
    const ids = Array.from({ length: Math.min(2000, total - start) }, (_, i) => `b${start + i}`);
    await db.credential.createMany({
      data: ids.map((id) => ({ id, workspaceId, ownerId, name: id, method: "oauth", status: "connected" })),
    });
    await db.notificationEvent.createMany({
      data: ids.map((id) => ({
        id: `e${id}`,
        workspaceId,
        credentialId: id,
        kind: "needs_reconnect",
        dedupeKey: `${id}:needs_reconnect:v0`,
        state: "fanned_out",
        dueAt: past,
      })),
    });
    await db.notificationDelivery.createMany({
      data: ids.flatMap((id) =>
        ["email", "webhook"].map((channel) => ({
          id: `d${channel[0]}${id}`,
          eventId: `e${id}`,
          workspaceId,
          channel,
          target: channel === "email" ? "o@example.com" : "hook",
          status: "sent",
          attempts: 1,
          nextAttemptAt: past,
          giveUpAt: past,
        })),
      ),
    });
  }
}

async function plan(sql: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    isPostgres(db) ? `EXPLAIN ${sql}` : `EXPLAIN QUERY PLAN ${sql}`,
  );
  return rows.map((row) => String(row["QUERY PLAN"] ?? row.detail)).join(" | ");
}

const user = await db.user.create({ data: { email: "bench@example.com", name: "B", passwordHash: "x" } });
const workspace = await db.workspace.create({ data: { name: "Bench", slug: "bench" } });
await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
let seeded = 0;
for (const total of [10_000, 100_000]) {
  await seed(total, workspace.id, user.id, seeded);
  seeded = total;
  // 10 fresh changes become due.
  await db.notificationEvent.createMany({
    data: Array.from({ length: 10 }, (_, i) => ({
      workspaceId: workspace.id,
      credentialId: `b${i}`,
      kind: "expiring_soon",
      dedupeKey: `b${i}:expiring_soon:${total}`,
      dueAt: new Date(),
    })),
  });
  const started = performance.now();
  const first = await runNotificationRound(db, senders);
  const second = await runNotificationRound(db, senders);
  const ms = performance.now() - started;
  const idle = performance.now();
  await runNotificationRound(db, senders);
  const idleMs = performance.now() - idle;
  console.log(
    `${total.toLocaleString("en")} connections (${env.databaseKind}): two rounds sending ${first.sent + second.sent} ` +
      `deliveries took ${ms.toFixed(0)} ms; an idle round ${idleMs.toFixed(1)} ms`,
  );
}
console.log(
  "due events:",
  await plan(
    `SELECT "id" FROM "NotificationEvent" WHERE "state" IN ('pending','fanning') AND "dueAt" <= '2030-01-01' ORDER BY "dueAt" LIMIT 25`,
  ),
);
console.log(
  "due deliveries:",
  await plan(
    `SELECT "id" FROM "NotificationDelivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= '2030-01-01' ORDER BY "nextAttemptAt" LIMIT 25`,
  ),
);
await db.$disconnect();
rmSync(dataDir, { recursive: true, force: true });
