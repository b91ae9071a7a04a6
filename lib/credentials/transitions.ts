import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import type { ZoomErrorEntry } from "@/lib/zoom/error-catalogue";
import { recordRecovery, recordStatusChange } from "@/lib/notifications/record-change";
import { credentialErrorFrom, type CredentialError } from "./record-credential-error";
import { refreshTokenExpiry } from "./tokens/refresh-token-expiry";
import { queueEmptyPush, queueTokenPush, wakePusher } from "@/lib/n8n/push-outbox";
import {
  errorNote,
  forgotten,
  inTransaction,
  noError,
  updateEach,
  whereOf,
  type CredentialTarget,
  type SweepTarget,
  type Tx,
} from "./transition-writes";
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
  /** Zoom just authorized it (a handshake): Zoom's earlier removal events no longer concern it. */
  authorized?: boolean;
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
  let pushQueued = false;
  // A new token and its push to n8n (when the connection is used there) commit together.
  const result = await inTransaction(db, async (tx) => {
    const written = await tx.credential.updateMany({
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
        ...(fields.authorized ? { authorizedAt: now } : {}),
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
    if (written.count > 0 && tokens) pushQueued = await queueTokenPush(tx, target.id, now);
    return written;
  });
  forgotten(target);
  if (pushQueued) wakePusher();
  if (result.count > 0) {
    await recordRecovery(db, target.id, now);
    // A legacy token pasted close to its end: say so where people read it, too.
    if (fields.status === "expiring_soon")
      await recordStatusChange(db, target.id, "expiring_soon", { expectStatus: "expiring_soon", now });
  }
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
  let emptyQueued = false;
  const result = await inTransaction(db, async (tx) => {
    const written = await tx.credential.updateMany({
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
    // The token n8n holds goes too (a connection used in n8n), in the same transaction.
    if (written.count > 0)
      emptyQueued = (await queueEmptyPush(tx, target.id, { now: input.now ?? new Date() })) !== null;
    return written;
  });
  forgotten(target);
  if (emptyQueued) wakePusher();
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
