import type { Db } from "@/lib/db/client";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import type { ZoomErrorEntry } from "@/lib/zoom/error-catalogue";
import { recordRecovery, recordStatusChange } from "@/lib/notifications/record-change";
import { credentialErrorFrom, type CredentialError } from "./record-credential-error";
import { refreshTokenExpiry } from "./tokens/refresh-token-expiry";
import { forgetServedCredential } from "@/lib/token-api/serving";
import { KEEPER_LOOK_AHEAD_MS } from "@/lib/keeper/keeper-rules";

/**
 * Every change of a credential's status, each written once:
 *
 *   draft ──connect──▶ connected ◀──renewed / reconnected── error (Zoom unreachable, retrying)
 *                        │   ▲                                 ▲
 *                        │   └────── expiring_soon ◀──keeper───┤
 *                        ├──Zoom refused / expired──▶ needs_reconnect ──reconnect──▶ connected
 *                        └──disconnect──▶ revoked ──reconnect──▶ connected
 *
 * Each returns how many rows it changed: the conditions a caller passes (the
 * version it read, the lease it holds) make a writer that read an older
 * state lose instead of overwriting a newer one.
 *
 * A change people should hear of is written to the notification outbox right
 * after it (lib/notifications), in the caller's transaction when there is one.
 */
type Tx = Pick<Db, "credential" | "notificationEvent" | "$executeRaw">;
type CredentialWhere = NonNullable<Parameters<Db["credential"]["updateMany"]>[0]>["where"];

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

function whereOf(target: CredentialTarget): CredentialWhere {
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
function forgotten(target: CredentialTarget | { where: CredentialWhere }): void {
  forgetServedCredential("id" in target ? target.id : undefined);
}

const noError = { lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null };

function errorNote(error: CredentialError, now: Date) {
  return {
    lastErrorCode: error.code.slice(0, 60),
    lastErrorMessage: error.message.slice(0, 1000),
    lastErrorAt: now,
  };
}

export type ConnectedFields = {
  now: Date;
  /** A new token set. Left out for a pasted legacy token, stored when it was pasted. */
  tokens?: {
    accessToken: string;
    /** undefined keeps the stored refresh token (Zoom sent none); null clears it. */
    refreshToken?: string | null;
    expiresAt: Date;
    /** undefined keeps the stored scopes / API URL. */
    scopes?: string[];
    apiUrl?: string | null;
  };
  zoomUser?: { id: string; email: string; name: string; accountId: string };
  wizardStep?: string;
  /** The connection was just proven to work (GET /users/me). */
  tested?: boolean;
  /** A legacy token close to its end connects as Expiring soon. */
  status?: "connected" | "expiring_soon";
};

/**
 * Connected: after a handshake, a Server-to-Server grant, a renewal or a
 * passed legacy-token test. Clears the error, the back-off and the lease,
 * and bumps the version, so a writer holding an older read loses.
 */
export async function markConnected(
  db: Tx,
  target: CredentialTarget,
  fields: ConnectedFields,
): Promise<number> {
  const { tokens, zoomUser, now } = fields;
  const sealed = (value: string, column: "accessTokenEnc" | "refreshTokenEnc") =>
    encrypt(value, credentialSecretContext(target.id, column));
  const result = await db.credential.updateMany({
    where: whereOf(target),
    data: {
      status: fields.status ?? "connected",
      ...(tokens
        ? {
            accessTokenEnc: sealed(tokens.accessToken, "accessTokenEnc"),
            accessTokenExpiresAt: tokens.expiresAt,
            ...(tokens.refreshToken !== undefined
              ? {
                  refreshTokenEnc: tokens.refreshToken
                    ? sealed(tokens.refreshToken, "refreshTokenEnc")
                    : null,
                  refreshTokenExpiresAt: refreshTokenExpiry(tokens.refreshToken),
                }
              : {}),
            ...(tokens.scopes !== undefined ? { grantedScopes: tokens.scopes.join(" ") } : {}),
            ...(tokens.apiUrl !== undefined ? { apiUrl: tokens.apiUrl } : {}),
            lastRefreshedAt: now,
          }
        : {}),
      ...(zoomUser
        ? {
            zoomUserId: zoomUser.id,
            zoomEmail: zoomUser.email,
            zoomName: zoomUser.name,
            zoomAccountId: zoomUser.accountId,
          }
        : {}),
      ...(fields.wizardStep ? { wizardStep: fields.wizardStep } : {}),
      ...(fields.tested ? { lastTestedAt: now } : {}),
      ...noError,
      failureCount: 0,
      nextAttemptAt: null,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      // The keeper looks again shortly before this token runs out, and decides then (lib/keeper).
      keeperDueAt: tokens ? new Date(tokens.expiresAt.getTime() - KEEPER_LOOK_AHEAD_MS) : now,
      version: { increment: 1 },
    },
  });
  forgotten(target);
  if (result.count > 0) {
    await recordRecovery(db, target.id, now);
    // A legacy token pasted close to its end: say so where people read it, too.
    if (fields.status === "expiring_soon")
      await recordStatusChange(db, target.id, "expiring_soon", { expectStatus: "expiring_soon", now });
  }
  return result.count;
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
async function updateEach(
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

/**
 * Needs reconnect: Zoom refused the credential's token (or a legacy token
 * ran out) and only a person can fix it. The back-off ends; the lease is
 * left to its holder, who releases it. `where` marks many at once (the keeper).
 */
export async function markNeedsReconnect(
  db: Tx,
  target: CredentialTarget | SweepTarget,
  input: { error: CredentialError; now: Date; tested?: boolean },
): Promise<number> {
  const data = {
    status: "needs_reconnect",
    ...errorNote(input.error, input.now),
    nextAttemptAt: null,
    ...(input.tested ? { lastTestedAt: input.now } : {}),
  };
  const note = (id: string) =>
    recordStatusChange(db, id, "needs_reconnect", { expectStatus: "needs_reconnect", now: input.now });
  if ("where" in target) {
    const count = await updateEach(db, target, data, note);
    if (count > 0) forgotten(target); // the keeper's sweeps change nothing most rounds: keep the cache
    return count;
  }
  const result = await db.credential.updateMany({ where: whereOf(target), data });
  forgotten(target);
  if (result.count > 0) await note(target.id);
  return result.count;
}

/**
 * Error — "Zoom unreachable, retrying": a temporary failure during a
 * renewal. Nothing stored changes but the note and the back-off; only the
 * lease holder may write it, and the write releases the lease.
 */
export async function markRetrying(
  db: Tx,
  target: CredentialTarget & { leaseOwner: string },
  input: { error: CredentialError; failures: number; nextAttemptAt: Date; now: Date },
): Promise<number> {
  const result = await db.credential.updateMany({
    where: whereOf(target),
    data: {
      status: "error",
      failureCount: input.failures,
      nextAttemptAt: input.nextAttemptAt,
      keeperDueAt: input.nextAttemptAt, // the keeper retries then
      ...errorNote(input.error, input.now),
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
    },
  });
  forgotten(target);
  // Written at the first failure, due an hour later: the worker drops it if a renewal worked meanwhile.
  if (result.count > 0)
    await recordStatusChange(db, target.id, "zoom_unreachable", { expectStatus: "error", now: input.now });
  return result.count;
}

/**
 * Revoked: a person disconnected it, or Zoom said the app was removed from
 * the user's account (`reason`, shown on the credential). The tokens are
 * deleted and the version bumped, so a renewal that was under way cannot
 * write its tokens back.
 */
export async function markRevoked(
  db: Tx,
  target: CredentialTarget,
  input: { reason?: CredentialError; now?: Date } = {},
): Promise<number> {
  const result = await db.credential.updateMany({
    where: whereOf(target),
    data: {
      status: "revoked",
      ...(input.reason ? errorNote(input.reason, input.now ?? new Date()) : {}),
      accessTokenEnc: null,
      refreshTokenEnc: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      nextAttemptAt: null,
      version: { increment: 1 },
    },
  });
  forgotten(target);
  // A person who disconnected knows; Zoom's removal is news.
  if (result.count > 0 && input.reason?.code === "app_deauthorized")
    await recordStatusChange(db, target.id, "removed_in_zoom", {
      expectStatus: "revoked",
      now: input.now ?? new Date(),
    });
  return result.count;
}

/** Expiring soon: still works, but a person must act within days (the keeper's warning). */
export async function markExpiringSoon(
  db: Tx,
  target: SweepTarget,
  input: { message?: string; now?: Date } = {},
): Promise<number> {
  const now = input.now ?? new Date();
  const count = await updateEach(
    db,
    target,
    { status: "expiring_soon", ...(input.message ? { lastErrorMessage: input.message } : {}) },
    (id) => recordStatusChange(db, id, "expiring_soon", { expectStatus: "expiring_soon", now }),
  );
  // After the write (a read in between must not cache the old row), and only when rows changed.
  if (count > 0) forgotten(target);
  return count;
}

/** A passed test: the note of the last error goes; the status stays what it is. */
export async function markTestPassed(
  db: Tx,
  target: CredentialTarget,
  input: { now: Date; zoomEmail: string },
): Promise<number> {
  const result = await db.credential.updateMany({
    where: whereOf(target),
    data: { lastTestedAt: input.now, zoomEmail: input.zoomEmail, ...noError },
  });
  forgotten(target);
  return result.count;
}

/** A failed test: Needs reconnect when Zoom says a person must reconnect, else only the note. */
export async function markTestFailed(
  db: Tx,
  target: CredentialTarget,
  input: { entry: ZoomErrorEntry; now: Date },
): Promise<number> {
  const error = credentialErrorFrom(input.entry);
  if (input.entry.kind === "needs_person" && input.entry.action === "reconnect")
    return markNeedsReconnect(db, target, { error, now: input.now, tested: true });
  const result = await db.credential.updateMany({
    where: whereOf(target),
    data: { lastTestedAt: input.now, ...errorNote(error, input.now) },
  });
  forgotten(target);
  return result.count;
}
