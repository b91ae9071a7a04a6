import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { databaseNow } from "@/lib/db/database-now";
import { keeperRowSelect, type KeeperRow } from "./keeper-rules";

/**
 * Several app instances share the keeper's work through the database: each
 * round, an instance claims a batch of due rows, oldest due first, with one
 * conditional update (a row already claimed by a live claim is skipped), and
 * reads back the rows it won. SQLite serialises writers; PostgreSQL re-checks
 * the condition on a row another transaction just claimed. A claim runs out
 * after `claimMs` on the database's clock, so rows of an instance that died are
 * taken by the next round.
 * Selection walks the keeperDueAt index: cheap at 100,000 rows.
 */
export async function claimBatch(
  db: Db,
  options: { instance: string; now: Date; size: number; claimMs: number },
): Promise<{ owner: string; rows: KeeperRow[] }> {
  const { now, size } = options;
  const owner = `${options.instance}:${randomUUID()}`;
  // Due-ness is the keeper's own decision (its `now`); a claim's end is the database's,
  // so every instance agrees on when another's claim has run out.
  const clock = await databaseNow(db);
  const free = { OR: [{ keeperClaimUntil: null }, { keeperClaimUntil: { lt: clock } }] };
  // Another instance may claim the same candidates first: then look again.
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const candidates = await db.credential.findMany({
      where: { keeperDueAt: { lte: now }, ...free },
      orderBy: { keeperDueAt: "asc" },
      select: { id: true },
      take: size,
    });
    if (candidates.length === 0) return { owner, rows: [] };
    const ids = candidates.map((c) => c.id);
    const taken = await db.credential.updateMany({
      where: { id: { in: ids }, keeperDueAt: { lte: now }, ...free },
      data: { keeperClaimOwner: owner, keeperClaimUntil: new Date(clock.getTime() + options.claimMs) },
    });
    if (taken.count > 0) return { owner, rows: await claimedRows(db, ids, owner) };
  }
  return { owner, rows: [] };
}

const CLAIM_ATTEMPTS = 5;

async function claimedRows(db: Db, ids: string[], owner: string): Promise<KeeperRow[]> {
  return db.credential.findMany({
    where: { id: { in: ids }, keeperClaimOwner: owner },
    orderBy: { keeperDueAt: "asc" },
    select: keeperRowSelect,
  });
}

/**
 * Done with a row: schedule its next look and let the claim go. The next
 * time is written only over the version the keeper decided on; a renewal
 * by someone else meanwhile set its own (transitions.markConnected).
 */
export async function finishClaim(
  db: Db,
  row: { id: string; version: number },
  owner: string,
  nextDueAt: Date | null,
): Promise<void> {
  const scheduled = await db.credential.updateMany({
    where: { id: row.id, keeperClaimOwner: owner, version: row.version },
    data: { keeperDueAt: nextDueAt, keeperClaimOwner: null, keeperClaimUntil: null },
  });
  if (scheduled.count === 0) await releaseClaims(db, [row.id], owner);
}

/** Lets rows go unchanged (a round out of time): still due, the next round takes them first. */
export async function releaseClaims(db: Db, ids: string[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await db.credential.updateMany({
    where: { id: { in: ids }, keeperClaimOwner: owner },
    data: { keeperClaimOwner: null, keeperClaimUntil: null },
  });
}
