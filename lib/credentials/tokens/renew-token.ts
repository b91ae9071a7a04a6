import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { zoomAppKeys, type ZoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { getServerToServerToken } from "@/lib/zoom/get-server-to-server-token";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import type { ZoomTokenSet } from "@/lib/zoom/token-set";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { observeRenewal, type RenewalResult } from "@/lib/metrics/observe";
import { usableToken, type AccessToken, type TokenRow } from "./read-token";
import { TokenUnavailableError } from "./token-errors";
import { credentialErrorFrom } from "../record-credential-error";
import { LIVE_STATUSES } from "../status";
import { markConnected, markNeedsReconnect, markRetrying } from "../transitions";

const SYSTEM = { system: true as const, label: "Token keeper" };

/** Back-off after temporary failures: 5 s, 10 s, 20 s … up to 10 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 10 * 60_000);
}

/** A busy SQLite or a dropped PostgreSQL connection gets this many tries at storing a renewed set. */
export const WRITE_ATTEMPTS = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetries<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}

export const LOST_WRITE_MESSAGE =
  "Zoom renewed the token, but the app could not store the new one (the database did not answer), so the old one no longer works. Reconnect this credential.";

const noKeys = () =>
  new TokenUnavailableError("reconnect_required", "This credential has no stored keys. Connect it again.");

/**
 * The keys are read from the credential's Zoom app at each renewal, so a
 * secret replaced on the app is used by every one of its connections at once.
 */
function callZoom(row: TokenRow, keys: ZoomAppKeys | null): Promise<ZoomTokenSet> {
  if (!keys) throw noKeys();
  const client = { clientId: keys.clientId, clientSecret: keys.clientSecret };
  if (row.method === "s2s") return getServerToServerToken({ ...client, accountId: keys.accountId ?? "" });
  if (!row.refreshTokenEnc) throw noKeys();
  return refreshTokens({
    ...client,
    refreshToken: decrypt(row.refreshTokenEnc, credentialSecretContext(row.id, "refreshTokenEnc")),
  });
}

/**
 * Renews a credential's token while holding its lease. The new token set is
 * written in the same update that releases the lease, before anyone can use
 * it. A refusal from Zoom (invalid_grant…) marks the credential "Needs
 * reconnect" — unless another writer changed the row meanwhile, in which case
 * the refusal was about a token that is no longer ours to worry about.
 * Temporary failures change nothing stored but the error note and back-off.
 */
export async function renewUnderLease(
  db: Db,
  row: TokenRow,
  owner: string,
  now = new Date(),
): Promise<AccessToken | "retry"> {
  const startedAt = performance.now();
  const outcome: { result: RenewalResult } = { result: "temporary_failure" };
  try {
    const renewed = await renewAndStore(db, row, owner, now, outcome);
    if (renewed === "retry") outcome.result = "superseded";
    return renewed;
  } catch (error) {
    if (error instanceof TokenUnavailableError && error.reason === "reconnect_required")
      outcome.result = error.userMessage === LOST_WRITE_MESSAGE ? "lost_write" : "needs_reconnect";
    throw error;
  } finally {
    observeRenewal(outcome.result, startedAt);
  }
}

async function renewAndStore(
  db: Db,
  row: TokenRow,
  owner: string,
  now: Date,
  outcome: { result: RenewalResult },
): Promise<AccessToken | "retry"> {
  const keys = await zoomAppKeys(db, row.workspaceId, row.zoomAppId);
  let tokens: ZoomTokenSet;
  try {
    tokens = await callZoom(row, keys);
  } catch (error) {
    if (!isZoomError(error)) throw error;
    const entry = error.entry;
    if (entry.kind === "needs_person") {
      const marked = await markNeedsReconnect(
        db,
        { id: row.id, version: row.version, statusIn: LIVE_STATUSES },
        { error: credentialErrorFrom(entry), now },
      );
      if (marked === 0) return "retry";
      await recordAuditEvent(db, {
        workspaceId: row.workspaceId,
        action: "credential.refresh_failed",
        actor: SYSTEM,
        credentialId: row.id,
        details: { reason: entry.id, code: entry.zoomCode },
      });
      throw new TokenUnavailableError("reconnect_required", entry.message);
    }
    const failures = row.failureCount + 1;
    const nextAttemptAt = new Date(
      now.getTime() + Math.max(backoffMs(failures), (entry.retryAfterSeconds ?? 0) * 1000),
    );
    await markRetrying(
      db,
      { id: row.id, leaseOwner: owner },
      {
        error: { ...credentialErrorFrom(entry), message: `Zoom unreachable, retrying. ${entry.message}` },
        failures,
        nextAttemptAt,
        now,
      },
    );
    if (failures === 1)
      await recordAuditEvent(db, {
        workspaceId: row.workspaceId,
        action: "credential.refresh_failed",
        actor: SYSTEM,
        credentialId: row.id,
        details: { reason: entry.id, code: entry.zoomCode, temporary: true },
      });
    // Zoom is away: the stored token still serves while it lasts.
    const current = usableToken(row, 0, now);
    if (current) return current;
    throw new TokenUnavailableError(
      "zoom_unavailable",
      "Zoom cannot be reached right now. The app keeps retrying.",
      Math.ceil((nextAttemptAt.getTime() - now.getTime()) / 1000),
    );
  }

  const recovered = row.status === "error";
  // Zoom has already rotated: these tokens are the only live ones. They are
  // written only over the row we read, still live: a person who disconnected,
  // reconnected or deleted the credential meanwhile bumped the version (or
  // changed the status), and then the set belongs to nobody. It is never
  // revoked: on Zoom a revoke uninstalls the app for the user, which would
  // kill the reconnection that won. The caller re-reads.
  let written: number;
  try {
    written = await withRetries(() =>
      markConnected(
        db,
        { id: row.id, version: row.version, statusIn: LIVE_STATUSES },
        {
          now,
          tokens: {
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken ?? undefined,
            expiresAt: tokens.expiresAt,
            scopes: tokens.scopes.length ? tokens.scopes : undefined,
            apiUrl: tokens.apiUrl ?? undefined,
          },
        },
      ),
    );
  } catch (error) {
    return lostWrite(db, row, now, error);
  }
  if (written === 0) return "retry";
  outcome.result = "renewed";
  await recordAuditEvent(db, {
    workspaceId: row.workspaceId,
    action: "credential.refreshed",
    actor: SYSTEM,
    credentialId: row.id,
    details: recovered ? { recovered: true } : {},
  });
  return {
    version: row.version + 1,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    apiUrl: tokens.apiUrl ?? row.apiUrl,
    scopes: tokens.scopes.length ? tokens.scopes : row.grantedScopes.split(" ").filter(Boolean),
    zoomUser: { id: row.zoomUserId, email: row.zoomEmail, accountId: row.zoomAccountId },
  };
}

/**
 * The renewed set could not be stored. A Server-to-Server grant can simply
 * be made again; an OAuth refresh token was used up at Zoom, so the
 * credential is dead and says so in words, if the database lets us.
 */
async function lostWrite(db: Db, row: TokenRow, now: Date, error: unknown): Promise<never> {
  if (row.method === "s2s")
    throw new TokenUnavailableError(
      "zoom_unavailable",
      "The app could not store the new token just now. Try again shortly.",
      5,
    );
  await withRetries(async () => {
    const marked = await markNeedsReconnect(
      db,
      { id: row.id, version: row.version, statusIn: LIVE_STATUSES },
      { error: { code: "store_failed", message: LOST_WRITE_MESSAGE }, now },
    );
    if (marked === 1)
      await recordAuditEvent(db, {
        workspaceId: row.workspaceId,
        action: "credential.refresh_failed",
        actor: SYSTEM,
        credentialId: row.id,
        details: { reason: "store_failed", error: error instanceof Error ? error.name : "unknown" },
      });
  }).catch(() => undefined); // the database is gone: the next read finds a dead token and says so
  throw new TokenUnavailableError("reconnect_required", LOST_WRITE_MESSAGE);
}
