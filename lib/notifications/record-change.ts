import { randomUUID } from "node:crypto";
import { isPostgres, type Db } from "@/lib/db/client";
import { N8N_KINDS, PROBLEM_KINDS, UNREACHABLE_AFTER_MS, type NotificationKind } from "./event-kinds";

export type OutboxDb = Pick<Db, "credential" | "notificationEvent" | "$executeRaw">;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * Writes one outbox row for a credential's change. The key names the change
 * (credential + kind + the version it happened at), and the database's unique
 * index on it decides: two instances seeing the same change write one row.
 * On PostgreSQL an INSERT … ON CONFLICT DO NOTHING, because a failed insert
 * would abort the caller's transaction; SQLite fails only the statement.
 */
export async function writeEvent(
  db: OutboxDb,
  row: {
    workspaceId: string;
    credentialId: string;
    kind: NotificationKind;
    dedupeKey: string;
    details: object;
    dueAt: Date;
  },
): Promise<void> {
  const details = JSON.stringify(row.details);
  if (isPostgres(db as Db)) {
    const id = randomUUID().replace(/-/g, "");
    await db.$executeRaw`INSERT INTO "NotificationEvent" ("id", "workspaceId", "credentialId", "kind", "dedupeKey", "details", "state", "dueAt", "createdAt")
      VALUES (${id}, ${row.workspaceId}, ${row.credentialId}, ${row.kind}, ${row.dedupeKey}, ${details}, 'pending', ${row.dueAt}, ${new Date()})
      ON CONFLICT ("dedupeKey") DO NOTHING`;
    return;
  }
  try {
    await db.notificationEvent.create({ data: { ...row, details } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

const credentialFacts = {
  workspaceId: true,
  name: true,
  version: true,
  status: true,
  lastErrorMessage: true,
} as const;

/**
 * A status transition happened (lib/credentials/transitions.ts): note it in
 * the outbox if people should hear of it, and only while the credential is
 * still in the status the transition wrote (another writer may have moved it on).
 */
export async function recordStatusChange(
  db: OutboxDb,
  credentialId: string,
  kind: Exclude<NotificationKind, "recovered" | "test" | "n8n_push_failed" | "n8n_push_recovered">,
  input: { expectStatus: string; now: Date },
): Promise<void> {
  const credential = await db.credential.findUnique({ where: { id: credentialId }, select: credentialFacts });
  if (!credential || credential.status !== input.expectStatus) return;
  const dueAt =
    kind === "zoom_unreachable" ? new Date(input.now.getTime() + UNREACHABLE_AFTER_MS) : input.now;
  await writeEvent(db, {
    workspaceId: credential.workspaceId,
    credentialId,
    kind,
    dedupeKey: `${credentialId}:${kind}:v${credential.version}`,
    details: {
      credentialName: credential.name,
      reason: credential.lastErrorMessage,
      version: credential.version,
    },
    dueAt,
  });
}

/**
 * The credential is connected again: if its last event was a problem people
 * were told about, "recovered" closes that loop (once: the key names the
 * problem). A problem still waiting to be told (Zoom unreachable for less than
 * an hour) is cancelled instead — there is nothing to take back.
 */
export async function recordRecovery(db: OutboxDb, credentialId: string, now: Date): Promise<void> {
  const last = await db.notificationEvent.findFirst({
    where: { credentialId, kind: { notIn: ["test", ...N8N_KINDS] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, state: true },
  });
  if (!last || !PROBLEM_KINDS.includes(last.kind as NotificationKind) || last.state === "cancelled") return;
  if (last.state === "pending") {
    const cancelled = await db.notificationEvent.updateMany({
      where: { id: last.id, state: "pending" },
      data: { state: "cancelled" },
    });
    if (cancelled.count === 1) return;
  }
  const credential = await db.credential.findUnique({ where: { id: credentialId }, select: credentialFacts });
  if (!credential) return;
  await writeEvent(db, {
    workspaceId: credential.workspaceId,
    credentialId,
    kind: "recovered",
    dedupeKey: `${credentialId}:recovered:${last.id}`,
    details: { credentialName: credential.name, version: credential.version },
    dueAt: now,
  });
}
