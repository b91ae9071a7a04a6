import { randomUUID } from "node:crypto";
import { isPostgres, type Db } from "@/lib/db/client";

/**
 * The n8n push outbox (model N8nPush). A row says "give n8n credential X what
 * it should hold now": a token push sends the connection's token as it is
 * when sent (the row holds no secret), an empty push blanks it. Rows are
 * written in the transaction of the change they follow, so a renewal that
 * committed always has its push, whichever instance renewed and whether or
 * not it lives to send it (lib/n8n/push-round.ts sends them).
 */
export type PushKind = "token" | "repush" | "empty";

export type PushTx = Pick<Db, "n8nLink" | "n8nPush" | "credential" | "$executeRaw">;

/** Pushes are retried for a day; the periodic re-push covers longer outages once n8n answers again. */
export const PUSH_GIVE_UP_MS = 24 * 60 * 60_000;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

type LinkFacts = {
  id: string;
  workspaceId: string;
  credentialId: string;
  targetId: string;
  n8nCredentialId: string;
};

export const linkFactsSelect = {
  id: true,
  workspaceId: true,
  credentialId: true,
  targetId: true,
  n8nCredentialId: true,
} as const;

/**
 * One row per change: the key names the link and the change (the version a
 * renewal wrote, a stop, a re-push round), and the unique index decides, so
 * two writers of the same change write one row. On PostgreSQL an INSERT … ON
 * CONFLICT DO NOTHING, because a failed insert would abort the caller's
 * transaction; SQLite fails only the statement.
 */
export async function writePush(
  db: PushTx,
  link: LinkFacts,
  input: { kind: PushKind; change: string; now: Date },
): Promise<void> {
  const row = {
    workspaceId: link.workspaceId,
    linkId: link.id,
    credentialId: link.credentialId,
    targetId: link.targetId,
    n8nCredentialId: link.n8nCredentialId,
    kind: input.kind,
    dedupeKey: `${link.id}:${input.change}`,
    nextAttemptAt: input.now,
    giveUpAt: new Date(input.now.getTime() + PUSH_GIVE_UP_MS),
  };
  if (isPostgres(db as Db)) {
    const id = randomUUID().replace(/-/g, "");
    await db.$executeRaw`INSERT INTO "N8nPush" ("id", "workspaceId", "linkId", "credentialId", "targetId", "n8nCredentialId", "kind", "dedupeKey", "state", "attempts", "nextAttemptAt", "giveUpAt", "createdAt")
      VALUES (${id}, ${row.workspaceId}, ${row.linkId}, ${row.credentialId}, ${row.targetId}, ${row.n8nCredentialId}, ${row.kind}, ${row.dedupeKey}, 'pending', 0, ${row.nextAttemptAt}, ${row.giveUpAt}, ${new Date()})
      ON CONFLICT ("dedupeKey") DO NOTHING`;
    return;
  }
  try {
    await db.n8nPush.create({ data: row });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * A new token was stored for a credential (transitions.markConnected, in the
 * same transaction): if the connection is used in n8n, queue its push.
 * Keyed by the version the write produced, so each renewal pushes once.
 */
export async function queueTokenPush(db: PushTx, credentialId: string, now: Date): Promise<boolean> {
  const link = await db.n8nLink.findUnique({ where: { credentialId }, select: linkFactsSelect });
  if (!link) return false;
  const credential = await db.credential.findUnique({
    where: { id: credentialId },
    select: { version: true },
  });
  if (!credential) return false;
  await writePush(db, link, { kind: "token", change: `token:v${credential.version}`, now });
  return true;
}

/**
 * The token in n8n must go (disconnect, delete, "Stop using in n8n"), in the
 * transaction of that change. The row carries n8n's credential id and the
 * target, so it is sent even after the link and the connection are deleted.
 * `change` names it ("stop", "deleted"); by default the credential's version,
 * so a second disconnect after a reconnect is a change of its own.
 */
export async function queueEmptyPush(
  db: PushTx,
  credentialId: string,
  input: { change?: string; now: Date },
): Promise<{ pushId: string; linkId: string } | null> {
  const link = await db.n8nLink.findUnique({ where: { credentialId }, select: linkFactsSelect });
  if (!link) return null;
  let change = input.change;
  if (!change) {
    const credential = await db.credential.findUnique({
      where: { id: credentialId },
      select: { version: true },
    });
    change = `v${credential?.version ?? 0}`;
  }
  await writePush(db, link, { kind: "empty", change: `empty:${change}`, now: input.now });
  const row = await db.n8nPush.findUnique({
    where: { dedupeKey: `${link.id}:empty:${change}` },
    select: { id: true },
  });
  return row && { pushId: row.id, linkId: link.id };
}

// Pushes are sent at once by the instance that wrote them: the pusher
// (start-pusher.ts) registers how to wake it. Rows written in a transaction
// not yet committed are found by the next round instead.
let wake: (() => void) | null = null;

export function onPushQueued(handler: (() => void) | null): void {
  wake = handler;
}

export function wakePusher(): void {
  wake?.();
}
