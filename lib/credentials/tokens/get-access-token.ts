import type { Db } from "@/lib/db/client";
import { isLive } from "../status";
import { WAIT_FOR_LEASE_MS, leaseOwnerId, takeLease, whileLeased } from "./refresh-lease";
import { readTokenRow, usableToken, type AccessToken, type TokenRow } from "./read-token";
import { ROTATED_ELSEWHERE, ROTATED_ELSEWHERE_RETRY_SECONDS } from "./renewal-refusals";
import { renewUnderLease } from "./renew-token";
import { flushHeldSet, heldToken } from "./rotated-sets";
import { singleFlight } from "./single-flight";
import { TokenUnavailableError } from "./token-errors";

/** Tokens are handed out with at least this much life left, and renewed before. */
export const MIN_VALIDITY_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type TokenOptions = {
  minValidityMs?: number;
  /** Renew even a valid token ("Refresh now"), unless someone renewed since this call began. */
  force?: boolean;
  /**
   * The caller's token of this version is no good (Zoom answered 124, or the
   * keeper keeps a grant alive): renew — unless the row has already moved
   * past it, when the newer token is the answer. However many callers report
   * the same refused token, one renewal answers them all.
   */
  staleVersion?: number;
};

/**
 * A valid access token for a credential, renewing it when under five minutes
 * are left. Within a process, callers share one renewal (single-flight);
 * across processes, the lease makes exactly one of them call Zoom and the
 * others wait and read what it stored.
 */
export async function getAccessToken(
  db: Db,
  credentialId: string,
  options: TokenOptions = {},
): Promise<AccessToken> {
  const minValidity = options.minValidityMs ?? MIN_VALIDITY_MS;
  const stale = options.staleVersion;
  // A renewed set the database has not taken yet is newer than anything stored.
  const held = heldToken(credentialId, minValidity);
  if (held && !options.force && (stale === undefined || held.version > stale)) return held;
  if (!options.force) {
    const row = await readTokenRow(db, credentialId);
    // Drafts (a pasted token not yet tested), revoked and dead credentials never hand out a token.
    const ready = row && isLive(row.status) ? usableToken(row, minValidity) : null;
    if (ready && (stale === undefined || ready.version > stale)) return ready;
  }
  // Callers with other needs (forced, longer validity, another refused version) must not share an answer.
  const need = options.force ? "force" : stale !== undefined ? `stale:${stale}` : String(minValidity);
  return singleFlight(`token:${credentialId}:${need}`, () =>
    renew(db, credentialId, minValidity, { force: options.force ?? false, stale }),
  );
}

/** A person must act first: the credential is not connected, or no longer. */
function refuseUnservable(row: TokenRow | null): asserts row is TokenRow {
  if (!row) throw new TokenUnavailableError("reconnect_required", "This credential no longer exists.");
  if (!isLive(row.status))
    throw new TokenUnavailableError(
      "reconnect_required",
      row.status === "draft"
        ? "This credential is not connected yet. Finish its setup."
        : "This credential must be connected again by a person.",
    );
}

/** The stored token, when it answers the caller's need without a renewal. */
function answers(
  row: TokenRow,
  minValidity: number,
  need: { force: boolean; stale?: number; startVersion: number },
): AccessToken | null {
  // Forced: only a renewal made since this call began will do.
  if (need.force) return row.version > need.startVersion ? usableToken(row, minValidity) : null;
  // Refused at Zoom: any newer version will do; the refused one will not.
  if (need.stale !== undefined && row.version <= need.stale) return null;
  return usableToken(row, minValidity);
}

async function renew(
  db: Db,
  credentialId: string,
  minValidity: number,
  options: { force: boolean; stale?: number },
): Promise<AccessToken> {
  const owner = leaseOwnerId();
  // Long enough for a live holder to finish, or a crashed one's lease to run out.
  const deadline = Date.now() + WAIT_FOR_LEASE_MS;
  let startVersion: number | null = null;
  for (;;) {
    // This process holds a set the database has not taken: store it before anything else.
    if ((await flushHeldSet(db, credentialId)) === "held") {
      const held = heldToken(credentialId, 0);
      if (held) return held;
    }
    const row = await readTokenRow(db, credentialId);
    refuseUnservable(row);
    startVersion ??= row.version;
    const need = { ...options, startVersion };
    if (row.method === "access_token") {
      const legacy = usableToken(row, 0);
      if (legacy) return legacy;
      throw new TokenUnavailableError(
        "reconnect_required",
        "The pasted access token has expired. Paste a new one.",
      );
    }
    // Someone (another request, another instance) renewed meanwhile.
    const fresh = answers(row, minValidity, need);
    if (fresh) return fresh;

    if (row.nextAttemptAt && row.nextAttemptAt > new Date()) {
      // Another instance may be about to store a set Zoom gave it: no renewal, forced or not, until then.
      if (row.lastErrorCode === ROTATED_ELSEWHERE)
        throw new TokenUnavailableError(
          "zoom_unavailable",
          "The token is being renewed by another app instance. Try again shortly.",
          ROTATED_ELSEWHERE_RETRY_SECONDS,
        );
      // Backing off after Zoom failures: serve what is left, or say when to come back.
      if (!options.force) {
        const current = usableToken(row, 0);
        if (current) return current;
        throw new TokenUnavailableError(
          "zoom_unavailable",
          "Zoom cannot be reached right now. The app keeps retrying.",
          Math.ceil((row.nextAttemptAt.getTime() - Date.now()) / 1000),
        );
      }
    }

    // A lease still named after a holder that stopped renewing it: taking it is a takeover.
    // (Judged on this instance's clock, so only a hint: the holder's write wins either way.)
    const tookOver = row.refreshLeaseOwner !== null && (row.refreshLeaseUntil ?? new Date(0)) < new Date();
    if (await takeLease(db, credentialId, owner)) {
      const result = await whileLeased(db, credentialId, owner, async () => {
        // Re-read under the lease: the holder before us may have just finished,
        // and a person may have disconnected or deleted it since our first read.
        const leased = await readTokenRow(db, credentialId);
        refuseUnservable(leased);
        return answers(leased, minValidity, need) ?? renewUnderLease(db, leased, owner, { tookOver });
      });
      if (result !== "retry") return result;
      continue;
    }
    if (Date.now() > deadline)
      throw new TokenUnavailableError(
        "zoom_unavailable",
        "Another app instance is renewing this token and has not finished. Try again shortly.",
        5,
      );
    await sleep(150);
  }
}
