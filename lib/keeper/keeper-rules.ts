/**
 * When the keeper renews, tests or merely looks again at a connection.
 *
 * Zoom's access tokens live an hour. Renewing every one of them before it
 * runs out costs ~29 Zoom calls a day per connection, and each renewal is a
 * risk (Zoom rotates the refresh token: a lost answer kills the connection).
 * So, like Nango, the keeper renews on purpose:
 * - a connection a node used recently is renewed ahead of expiry, so busy
 *   nodes never wait for Zoom;
 * - any other connection is renewed once a day to keep its grant alive (or
 *   sooner when its refresh token's own expiry hint is near), and the daily
 *   test (GET /users/me) reuses that fresh token: an idle connection costs at
 *   most 2 Zoom calls a day;
 * - nodes that start using an idle connection get it renewed on demand once
 *   (getAccessToken); from then on it counts as used;
 * - a connection used in n8n (lib/n8n) is always busy, Server-to-Server ones
 *   too: n8n never calls the token API, it holds the token the app pushed,
 *   so the token must be renewed (and pushed) before it runs out.
 * Each row carries `keeperDueAt`, the next time the keeper must decide; each
 * decision sets the next one, so a round reads only rows that are due.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A used connection's token is renewed when less than this is left. */
export const RENEW_AHEAD_MS = 10 * MINUTE;
/** Renewals (lib/credentials/transitions) ask the keeper to look again this long before the new token runs out. */
export const KEEPER_LOOK_AHEAD_MS = RENEW_AHEAD_MS;
/**
 * "Used recently": a token fetched within this window. Hours, not minutes:
 * the token API may record a use only every few minutes (throttled).
 */
export const ACTIVE_WINDOW_MS = 3 * HOUR;
/** An idle connection's grant is renewed (and tested) this often. */
export const KEEP_ALIVE_MS = 24 * HOUR;
/** Every live connection is tested (GET /users/me) at least this often. */
export const TEST_EVERY_MS = 24 * HOUR;
/** A refresh token that its hint says runs out sooner than this is renewed before it does. */
export const REFRESH_HINT_MARGIN_MS = 2 * HOUR;
/** …but not more often than this, should Zoom hand back one that runs out as soon. */
export const HINT_RENEW_MIN_GAP_MS = HOUR;
/** A look never schedules the next one closer than this (no spinning on a row within a round). */
export const MIN_RESCHEDULE_MS = MINUTE;

const OAUTH_LIVE = ["connected", "expiring_soon", "error"];
const S2S_TESTED = ["connected", "expiring_soon", "error"];

export type KeeperRow = {
  id: string;
  workspaceId: string;
  method: string;
  status: string;
  version: number;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastTestedAt: Date | null;
  lastUsedAt: Date | null;
  nextAttemptAt: Date | null;
  keeperDueAt: Date | null;
  /** "Use in n8n": present when the connection's token is pushed to n8n. */
  n8nLink?: { id: string } | null;
};

export const keeperRowSelect = {
  id: true,
  workspaceId: true,
  method: true,
  status: true,
  version: true,
  accessTokenExpiresAt: true,
  refreshTokenExpiresAt: true,
  lastRefreshedAt: true,
  lastTestedAt: true,
  lastUsedAt: true,
  nextAttemptAt: true,
  keeperDueAt: true,
  n8nLink: { select: { id: true } },
} as const;

/**
 * - renew: a used connection (or one retrying after a Zoom failure) whose token runs out soon;
 * - keep_alive: renew even a valid token, then test with the fresh one;
 * - test: GET /users/me with the current token (renewed first only if it has run out);
 * - none: nothing to do now, just schedule the next look.
 */
export type KeeperAction = "renew" | "keep_alive" | "test" | "none";

const at = (date: Date | null, plusMs: number, fallback: number) =>
  date ? date.getTime() + plusMs : fallback;

export function isUsedRecently(row: KeeperRow, now: Date): boolean {
  return (
    isUsedInN8n(row) ||
    (row.lastUsedAt !== null && row.lastUsedAt.getTime() >= now.getTime() - ACTIVE_WINDOW_MS)
  );
}

export const isUsedInN8n = (row: KeeperRow): boolean => Boolean(row.n8nLink);

/** The times each duty falls due, in ms (NaN-free; "now" when never done). */
function duties(row: KeeperRow, now: Date) {
  const t = now.getTime();
  let keepAlive = at(row.lastRefreshedAt, KEEP_ALIVE_MS, t);
  if (row.refreshTokenExpiresAt) {
    const beforeHint = row.refreshTokenExpiresAt.getTime() - REFRESH_HINT_MARGIN_MS;
    keepAlive = Math.min(keepAlive, Math.max(beforeHint, at(row.lastRefreshedAt, HINT_RENEW_MIN_GAP_MS, t)));
  }
  return {
    keepAlive,
    test: at(row.lastTestedAt, TEST_EVERY_MS, t),
    renewAhead: at(row.accessTokenExpiresAt, -RENEW_AHEAD_MS, t),
    // A failed renewal retries on its back-off; "error" counts as used until it recovers.
    used: isUsedRecently(row, now) || row.status === "error",
  };
}

export function decideAction(row: KeeperRow, now: Date): KeeperAction {
  const t = now.getTime();
  if (row.method === "s2s") {
    if (!S2S_TESTED.includes(row.status)) return "none";
    if (at(row.lastTestedAt, TEST_EVERY_MS, t) <= t) return "test";
    // Zoom mints S2S tokens on demand; only n8n, which cannot ask, needs one minted ahead.
    if (!isUsedInN8n(row) || (row.nextAttemptAt && row.nextAttemptAt.getTime() > t)) return "none";
    return at(row.accessTokenExpiresAt, -RENEW_AHEAD_MS, t) <= t ? "renew" : "none";
  }
  if (row.method !== "oauth" || !OAUTH_LIVE.includes(row.status)) return "none";
  if (row.nextAttemptAt && row.nextAttemptAt.getTime() > t) return "none"; // backing off
  const due = duties(row, now);
  if (due.keepAlive <= t) return "keep_alive";
  if (due.test <= t) return "test";
  if (due.used && due.renewAhead <= t) return "renew";
  return "none";
}

/** When the keeper must look at the row next; null: never (a person must act first). */
export function nextDueAt(row: KeeperRow, now: Date): Date | null {
  const t = now.getTime();
  const soonest = (ms: number) => new Date(Math.max(ms, t + MIN_RESCHEDULE_MS));
  if (row.method === "s2s") {
    if (!S2S_TESTED.includes(row.status)) return null;
    const test = at(row.lastTestedAt, TEST_EVERY_MS, t);
    if (!isUsedInN8n(row)) return soonest(test);
    if (row.nextAttemptAt && row.nextAttemptAt.getTime() > t) return soonest(row.nextAttemptAt.getTime());
    return soonest(Math.min(test, at(row.accessTokenExpiresAt, -RENEW_AHEAD_MS, t)));
  }
  if (row.method !== "oauth" || !OAUTH_LIVE.includes(row.status)) return null;
  if (row.nextAttemptAt && row.nextAttemptAt.getTime() > t) return soonest(row.nextAttemptAt.getTime());
  const due = duties(row, now);
  const next = Math.min(due.keepAlive, due.test, due.used ? due.renewAhead : Number.POSITIVE_INFINITY);
  return soonest(next);
}
