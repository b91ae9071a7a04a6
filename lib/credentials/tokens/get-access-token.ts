import type { Db } from "@/lib/db/client";
import { isLive } from "../status";
import { WAIT_FOR_LEASE_MS, leaseOwnerId, takeLease, whileLeased } from "./refresh-lease";
import { readTokenRow, usableToken, type AccessToken, type TokenRow } from "./read-token";
import { renewUnderLease } from "./renew-token";
import { singleFlight } from "./single-flight";
import { TokenUnavailableError } from "./token-errors";

/** Tokens are handed out with at least this much life left, and renewed before. */
export const MIN_VALIDITY_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A valid access token for a credential, renewing it when under five minutes
 * are left. Within a process, callers share one renewal (single-flight);
 * across processes, the lease makes exactly one of them call Zoom and the
 * others wait and read what it stored.
 */
export async function getAccessToken(
  db: Db,
  credentialId: string,
  options: { minValidityMs?: number; force?: boolean } = {},
): Promise<AccessToken> {
  const minValidity = options.minValidityMs ?? MIN_VALIDITY_MS;
  if (!options.force) {
    const row = await readTokenRow(db, credentialId);
    // Drafts (a pasted token not yet tested), revoked and dead credentials never hand out a token.
    const ready = row && isLive(row.status) ? usableToken(row, minValidity) : null;
    if (ready) return ready;
  }
  // Callers with other needs (forced, longer validity) must not share an answer.
  return singleFlight(`token:${credentialId}:${options.force ? "force" : minValidity}`, () =>
    renew(db, credentialId, minValidity, options.force ?? false),
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

async function renew(
  db: Db,
  credentialId: string,
  minValidity: number,
  force: boolean,
): Promise<AccessToken> {
  const owner = leaseOwnerId();
  // Long enough for a live holder to finish, or a crashed one's lease to run out.
  const deadline = Date.now() + WAIT_FOR_LEASE_MS;
  let startVersion: number | null = null;
  for (;;) {
    const row = await readTokenRow(db, credentialId);
    refuseUnservable(row);
    startVersion ??= row.version;
    if (row.method === "access_token") {
      const legacy = usableToken(row, 0);
      if (legacy) return legacy;
      throw new TokenUnavailableError(
        "reconnect_required",
        "The pasted access token has expired. Paste a new one.",
      );
    }
    // Someone (another request, another instance) renewed meanwhile.
    const wanted = force && row.version === startVersion ? Number.POSITIVE_INFINITY : minValidity;
    const fresh = usableToken(row, wanted);
    if (fresh) return fresh;

    // Backing off after Zoom failures: serve what is left, or say when to come back.
    if (!force && row.nextAttemptAt && row.nextAttemptAt > new Date()) {
      const current = usableToken(row, 0);
      if (current) return current;
      throw new TokenUnavailableError(
        "zoom_unavailable",
        "Zoom cannot be reached right now. The app keeps retrying.",
        Math.ceil((row.nextAttemptAt.getTime() - Date.now()) / 1000),
      );
    }

    if (await takeLease(db, credentialId, owner)) {
      const result = await whileLeased(db, credentialId, owner, async () => {
        // Re-read under the lease: the holder before us may have just finished,
        // and a person may have disconnected or deleted it since our first read.
        const leased = await readTokenRow(db, credentialId);
        refuseUnservable(leased);
        const already = usableToken(
          leased,
          force && leased.version === startVersion ? Number.POSITIVE_INFINITY : minValidity,
        );
        return already ?? renewUnderLease(db, leased, owner);
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
