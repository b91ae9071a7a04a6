import type { Db } from "@/lib/db/client";
import { forgetServedCredential } from "@/lib/token-api/serving";
import type { CredentialError } from "./record-credential-error";

// The parts every status change of transitions.ts is written with: which rows
// (one, guarded by version / lease / status, or a bounded sweep), the error
// note, and forgetting what the token API serves from memory.

export type Tx = Pick<Db, "credential" | "notificationEvent" | "n8nLink" | "n8nPush" | "$executeRaw">;

/**
 * Runs `write` in a transaction: the caller's when `db` is one already (a
 * transaction client has no $transaction), else a new one — so a change and
 * the outbox rows written with it commit together or not at all.
 */
export function inTransaction<T>(db: Tx, write: (tx: Tx) => Promise<T>): Promise<T> {
  const root = db as Partial<Pick<Db, "$transaction">>;
  return typeof root.$transaction === "function" ? root.$transaction((tx) => write(tx)) : write(db);
}
export type CredentialWhere = NonNullable<Parameters<Db["credential"]["updateMany"]>[0]>["where"];

/**
 * One credential, optionally only if it is still at `version` / still leased
 * to `leaseOwner` / still in one of `statusIn`.
 */
export type CredentialTarget = {
  id: string;
  version?: number;
  leaseOwner?: string;
  statusIn?: readonly string[];
};

export function whereOf(target: CredentialTarget): CredentialWhere {
  // An undefined id would silently drop the filter (style.md): refuse it.
  if (typeof target.id !== "string" || target.id.length === 0) throw new Error("A credential id is needed.");
  return {
    id: target.id,
    ...(target.version !== undefined ? { version: target.version } : {}),
    ...(target.leaseOwner !== undefined ? { refreshLeaseOwner: target.leaseOwner } : {}),
    ...(target.statusIn !== undefined ? { status: { in: [...target.statusIn] } } : {}),
  };
}

/**
 * What the token API and the proxy serve from memory must not outlive the
 * row it came from (lib/token-api/serving.ts). Writes inside a transaction
 * forget again after it commits (their callers do), so a read in between
 * cannot cache the old row.
 */
export function forgotten(target: CredentialTarget | SweepTarget): void {
  forgetServedCredential("id" in target ? target.id : undefined);
}

export const noError = { lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null };

export function errorNote(error: CredentialError, now: Date) {
  return {
    lastErrorCode: error.code.slice(0, 60),
    lastErrorMessage: error.message.slice(0, 1000),
    lastErrorAt: now,
  };
}

/**
 * How many credentials one sweep changes at most. The rest still match and
 * are changed by the next round, so a round's work stays bounded however
 * many legacy tokens run out at once (each change also writes the outbox).
 */
export const SWEEP_LIMIT = 1000;

/** Many credentials at once, by a filter: the keeper's sweeps. */
export type SweepTarget = { where: CredentialWhere; limit?: number };

/**
 * Changes up to `limit` credentials matching `where` (oldest ids first),
 * noting each one that changed in the outbox.
 */
export async function updateEach(
  db: Tx,
  target: SweepTarget,
  data: Parameters<Db["credential"]["updateMany"]>[0]["data"],
  note: (id: string) => Promise<void>,
): Promise<number> {
  const { where } = target;
  if (!where) throw new Error("A where is needed.");
  const ids = (
    await db.credential.findMany({
      where,
      select: { id: true },
      orderBy: { id: "asc" },
      take: target.limit ?? SWEEP_LIMIT,
    })
  ).map((row) => row.id);
  if (ids.length === 0) return 0;
  const result = await db.credential.updateMany({ where: { AND: [where, { id: { in: ids } }] }, data });
  for (const id of ids) await note(id);
  return result.count;
}
