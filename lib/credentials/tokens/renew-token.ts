import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { safeErrorText } from "@/lib/errors/safe-error-text";
import { zoomAppKeys, type ZoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { getServerToServerToken } from "@/lib/zoom/get-server-to-server-token";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import type { ZoomTokenSet } from "@/lib/zoom/token-set";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { observeRenewal, type RenewalResult } from "@/lib/metrics/observe";
import type { AccessToken, TokenRow } from "./read-token";
import { onRefusal, onTemporaryFailure, type RenewalAttempt } from "./renewal-refusals";
import { holdRotatedSet, storeLater, storeRotatedSet, tokenOf, type RotatedSet } from "./rotated-sets";
import { TokenUnavailableError } from "./token-errors";

export { backoffMs } from "./renewal-refusals";

const SYSTEM = { system: true as const, label: "Token keeper" };

/** A busy SQLite or a dropped PostgreSQL connection gets this many quick tries before the write goes to the background. */
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
 * `tookOver`: the lease was taken from a holder whose heartbeats stopped.
 */
export async function renewUnderLease(
  db: Db,
  row: TokenRow,
  owner: string,
  options: { now?: Date; tookOver?: boolean } = {},
): Promise<AccessToken | "retry"> {
  const startedAt = performance.now();
  const attempt = { row, owner, now: options.now ?? new Date(), tookOver: options.tookOver ?? false };
  const outcome: { result: RenewalResult } = { result: "temporary_failure" };
  try {
    const renewed = await renewAndStore(db, attempt, outcome);
    if (renewed === "retry") outcome.result = "superseded";
    return renewed;
  } catch (error) {
    if (error instanceof TokenUnavailableError && error.reason === "reconnect_required")
      outcome.result = "needs_reconnect";
    throw error;
  } finally {
    observeRenewal(outcome.result, startedAt);
  }
}

async function renewAndStore(
  db: Db,
  attempt: RenewalAttempt,
  outcome: { result: RenewalResult },
): Promise<AccessToken | "retry"> {
  const { row, now } = attempt;
  const keys = await zoomAppKeys(db, row.workspaceId, row.zoomAppId);
  let tokens: ZoomTokenSet;
  try {
    tokens = await callZoom(row, keys);
  } catch (error) {
    if (!isZoomError(error)) throw error;
    if (error.entry.kind === "needs_person") return onRefusal(db, attempt, error);
    return onTemporaryFailure(db, attempt, error);
  }

  // Zoom has already rotated: these tokens are the only live ones. They are
  // held (in memory and in the journal) before the database is tried, and
  // written only over the row we read: a person who disconnected, reconnected
  // or deleted the credential meanwhile bumped the version (or changed the
  // status), and then the set belongs to nobody. It is never revoked: on Zoom
  // a revoke uninstalls the app for the user, which would kill the
  // reconnection that won. The caller re-reads.
  const set = rotatedSetOf(row, tokens, now);
  holdRotatedSet(set);
  let stored: boolean;
  try {
    stored = await withRetries(() => storeRotatedSet(db, set));
  } catch (error) {
    // The database is away. The set stays held and served; a background writer keeps trying.
    console.error(
      `[tokens] could not store the renewed set of ${row.id} yet (${safeErrorText(error)}); holding it and retrying`,
    );
    storeLater(db, set);
    outcome.result = "write_deferred";
    return tokenOf(set);
  }
  if (!stored) return "retry";
  outcome.result = "renewed";
  await recordAuditEvent(db, {
    workspaceId: row.workspaceId,
    action: "credential.refreshed",
    actor: SYSTEM,
    credentialId: row.id,
    details: row.status === "error" ? { recovered: true } : {},
  }).catch((error: unknown) => {
    // Stored is what matters; an audit line lost to a database hiccup is only logged.
    console.error(`[tokens] audit of the renewal of ${row.id} not written: ${safeErrorText(error)}`);
  });
  return tokenOf(set);
}

function rotatedSetOf(row: TokenRow, tokens: ZoomTokenSet, now: Date): RotatedSet {
  return {
    credentialId: row.id,
    workspaceId: row.workspaceId,
    fromVersion: row.version,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    scopes: tokens.scopes.length ? tokens.scopes : row.grantedScopes.split(" ").filter(Boolean),
    apiUrl: tokens.apiUrl ?? row.apiUrl,
    zoomUser: { id: row.zoomUserId, email: row.zoomEmail, accountId: row.zoomAccountId },
    rotatedAt: now,
  };
}
