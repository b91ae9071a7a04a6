import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { ZoomError } from "@/lib/zoom/zoom-error";
import { usableToken, type AccessToken, type TokenRow } from "./read-token";
import { TokenUnavailableError } from "./token-errors";
import { credentialErrorFrom } from "../record-credential-error";
import { LIVE_STATUSES } from "../status";
import { markNeedsReconnect, markRetrying } from "../transitions";

const SYSTEM = { system: true as const, label: "Token keeper" };

/** Back-off after temporary failures: 5 s, 10 s, 20 s … up to 10 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 10 * 60_000);
}

/**
 * The error code a credential carries while the app waits for an instance
 * that lost its lease mid-renewal to store the set Zoom gave it.
 */
export const ROTATED_ELSEWHERE = "rotated_elsewhere";
/**
 * How long a refusal that may be about a token another instance already
 * rotated is not taken as proof. The previous holder stores its set within
 * seconds of the database answering it (rotated-sets.ts retries every ≤5 s);
 * two minutes also covers a restart that replays its journal.
 */
export const ROTATED_ELSEWHERE_GRACE_MS = 2 * 60_000;
/** …while callers are told to come back much sooner: the holder's set usually lands within seconds. */
export const ROTATED_ELSEWHERE_RETRY_SECONDS = 5;

/** Refusals of a refresh token that a stalled holder may have just rotated. */
const ROTATION_REFUSALS = new Set(["invalid_grant", "token_replaced"]);

export type RenewalAttempt = { row: TokenRow; owner: string; now: Date; tookOver: boolean };

/** Zoom said no, and a person must act: Needs reconnect — unless the refusal may not be proof yet. */
export async function onRefusal(db: Db, attempt: RenewalAttempt, error: ZoomError): Promise<"retry"> {
  const { row, now } = attempt;
  const entry = error.entry;
  if (ROTATION_REFUSALS.has(entry.id) && row.method === "oauth" && attempt.tookOver)
    return waitForPreviousHolder(db, attempt);
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

/**
 * We took this lease over from a holder whose heartbeats stopped. It may
 * have presented the same refresh token to Zoom just before and be about to
 * store the set Zoom gave it: our invalid_grant is then about a token that
 * is already replaced, not a dead connection. Wait it out ("Zoom
 * unreachable, retrying"); the holder's write (over the same version) clears
 * this, and if none comes, the next attempt after the grace decides.
 */
async function waitForPreviousHolder(db: Db, attempt: RenewalAttempt): Promise<"retry"> {
  const { row, owner, now } = attempt;
  const nextAttemptAt = new Date(now.getTime() + ROTATED_ELSEWHERE_GRACE_MS);
  const marked = await markRetrying(
    db,
    { id: row.id, version: row.version, leaseOwner: owner },
    {
      error: {
        code: ROTATED_ELSEWHERE,
        message:
          "Another app instance was renewing this token when it stopped answering. Waiting for it to store the new token; nothing to do yet.",
      },
      failures: row.failureCount + 1,
      nextAttemptAt,
      now,
    },
  );
  // The holder's set is stored already: the caller re-reads and serves it.
  if (marked === 0) return "retry";
  throw new TokenUnavailableError(
    "zoom_unavailable",
    "The token is being renewed by another app instance. Try again shortly.",
    ROTATED_ELSEWHERE_RETRY_SECONDS,
  );
}

/** Zoom is away (5xx, 429, timeout, garbage): nothing stored changes but the note and the back-off. */
export async function onTemporaryFailure(
  db: Db,
  attempt: RenewalAttempt,
  error: ZoomError,
): Promise<AccessToken> {
  const { row, owner, now } = attempt;
  const entry = error.entry;
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
