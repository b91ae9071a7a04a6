import { randomUUID } from "node:crypto";
import { isPostgres, type Db } from "@/lib/db/client";
import { DEFAULT_TIMEOUT_MS } from "@/lib/zoom/request";

/**
 * One refresh per credential across every app instance: a lease row taken
 * with a conditional update, which SQLite and PostgreSQL both make atomic.
 *
 * The lease is short and its holder renews it (a heartbeat) while Zoom is
 * answering, so a holder that crashes frees the credential within
 * LEASE_MS, not after the longest Zoom call. Taking, extending and expiring
 * it all use the database's clock: an instance whose own clock runs ahead
 * cannot see a live lease as run out.
 */
export const LEASE_MS = 8_000;
export const HEARTBEAT_MS = 2_000;

export const leaseOwnerId = () => `${process.pid}:${randomUUID()}`;

/**
 * The lease's new end, "now + LEASE_MS" on the database's clock, in the
 * column's own format (PostgreSQL: a UTC timestamp; SQLite: ISO text, as
 * Prisma writes it).
 */
function leaseSql(db: Db, owner: string, credentialId: string, condition: "free" | "mine") {
  if (isPostgres(db)) {
    const now = `(now() AT TIME ZONE 'UTC')`;
    const until = `${now} + make_interval(secs => ${LEASE_MS / 1000})`;
    return condition === "free"
      ? db.$executeRawUnsafe(
          `UPDATE "Credential" SET "refreshLeaseOwner" = $1, "refreshLeaseUntil" = ${until}
           WHERE "id" = $2 AND ("refreshLeaseUntil" IS NULL OR "refreshLeaseUntil" < ${now})`,
          owner,
          credentialId,
        )
      : db.$executeRawUnsafe(
          `UPDATE "Credential" SET "refreshLeaseUntil" = ${until} WHERE "id" = $2 AND "refreshLeaseOwner" = $1`,
          owner,
          credentialId,
        );
  }
  const until = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+${LEASE_MS / 1000} seconds')`;
  return condition === "free"
    ? db.$executeRawUnsafe(
        `UPDATE "Credential" SET "refreshLeaseOwner" = ?, "refreshLeaseUntil" = ${until}
         WHERE "id" = ? AND ("refreshLeaseUntil" IS NULL OR julianday("refreshLeaseUntil") < julianday('now'))`,
        owner,
        credentialId,
      )
    : db.$executeRawUnsafe(
        `UPDATE "Credential" SET "refreshLeaseUntil" = ${until} WHERE "refreshLeaseOwner" = ? AND "id" = ?`,
        owner,
        credentialId,
      );
}

export async function takeLease(db: Db, credentialId: string, owner: string): Promise<boolean> {
  return (await leaseSql(db, owner, credentialId, "free")) === 1;
}

/** Pushes the lease's end out again; false when it is no longer ours. */
export async function extendLease(db: Db, credentialId: string, owner: string): Promise<boolean> {
  return (await leaseSql(db, owner, credentialId, "mine")) === 1;
}

export async function releaseLease(db: Db, credentialId: string, owner: string): Promise<void> {
  await db.credential.updateMany({
    where: { id: credentialId, refreshLeaseOwner: owner },
    data: { refreshLeaseOwner: null, refreshLeaseUntil: null },
  });
}

/**
 * Runs `work` holding the lease, extending it every HEARTBEAT_MS until the
 * work ends. A failed heartbeat is not fatal: the write that follows is
 * guarded by the row's version, not by the lease.
 */
export async function whileLeased<T>(
  db: Db,
  credentialId: string,
  owner: string,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => {
    extendLease(db, credentialId, owner).catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    // A database that went away must not turn a finished renewal into an error:
    // an unreleased lease simply runs out LEASE_MS after its last heartbeat.
    await releaseLease(db, credentialId, owner).catch(() => undefined);
  }
}

/**
 * How long a caller waits for another holder before giving up: a live holder
 * keeps the lease at most for one Zoom call (its timeout) and the write; a
 * crashed one loses it LEASE_MS after its last heartbeat. Waiting less would
 * give up on a lease that is about to be free.
 */
export const WAIT_FOR_LEASE_MS = DEFAULT_TIMEOUT_MS + LEASE_MS + 5_000;
const POLL_MS = 150;

/** Takes the lease, waiting for its holder (or its expiry) up to WAIT_FOR_LEASE_MS. */
export async function takeLeaseWaiting(db: Db, credentialId: string, owner: string): Promise<boolean> {
  const deadline = Date.now() + WAIT_FOR_LEASE_MS;
  for (;;) {
    if (await takeLease(db, credentialId, owner)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
