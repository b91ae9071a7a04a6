import { describe, expect, it } from "vitest";
import {
  ACTIVE_WINDOW_MS,
  KEEP_ALIVE_MS,
  MIN_RESCHEDULE_MS,
  RENEW_AHEAD_MS,
  decideAction,
  nextDueAt,
  type KeeperRow,
} from "./keeper-rules";

const now = new Date("2026-12-02T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A connection renewed 30 minutes ago and tested then; nobody has used it. */
const row = (fields: Partial<KeeperRow> = {}): KeeperRow => ({
  id: "c1",
  workspaceId: "w1",
  method: "oauth",
  status: "connected",
  version: 3,
  accessTokenExpiresAt: ahead(30 * MIN),
  refreshTokenExpiresAt: ahead(90 * 24 * HOUR),
  lastRefreshedAt: ago(30 * MIN),
  lastTestedAt: ago(30 * MIN),
  lastUsedAt: null,
  nextAttemptAt: null,
  keeperDueAt: null,
  ...fields,
});

describe("which connections the keeper renews", () => {
  it("renews a used connection ahead of expiry, and leaves an idle one alone", () => {
    const expiring = { accessTokenExpiresAt: ahead(RENEW_AHEAD_MS - MIN) };
    expect(decideAction(row({ ...expiring, lastUsedAt: ago(20 * MIN) }), now)).toBe("renew");
    expect(decideAction(row({ ...expiring, lastUsedAt: ago(ACTIVE_WINDOW_MS - MIN) }), now)).toBe("renew");
    expect(decideAction(row({ ...expiring, lastUsedAt: ago(ACTIVE_WINDOW_MS + MIN) }), now)).toBe("none");
    expect(decideAction(row(expiring), now)).toBe("none");
    // Used, but the token has plenty of life: nothing yet.
    expect(decideAction(row({ lastUsedAt: ago(MIN) }), now)).toBe("none");
  });

  it("keeps an idle connection alive once a day, and tests it with the fresh token", () => {
    const idle = { accessTokenExpiresAt: ago(22 * HOUR) };
    expect(
      decideAction(row({ ...idle, lastRefreshedAt: ago(23 * HOUR), lastTestedAt: ago(23 * HOUR) }), now),
    ).toBe("none");
    expect(
      decideAction(
        row({ ...idle, lastRefreshedAt: ago(KEEP_ALIVE_MS), lastTestedAt: ago(KEEP_ALIVE_MS) }),
        now,
      ),
    ).toBe("keep_alive");
  });

  it("renews sooner when the refresh token's expiry hint is near, but not over and over", () => {
    const hint = {
      refreshTokenExpiresAt: ahead(HOUR),
      lastRefreshedAt: ago(3 * HOUR),
      lastTestedAt: ago(HOUR),
    };
    expect(decideAction(row(hint), now)).toBe("keep_alive");
    // Renewed 10 minutes ago and Zoom handed back as short a refresh token: wait an hour between tries.
    const again = { ...hint, lastRefreshedAt: ago(10 * MIN) };
    expect(decideAction(row(again), now)).toBe("none");
    expect(nextDueAt(row(again), now)).toEqual(ahead(50 * MIN));
  });

  it("tests a used connection daily with its current token; tests S2S daily", () => {
    expect(decideAction(row({ lastUsedAt: ago(MIN), lastTestedAt: ago(25 * HOUR) }), now)).toBe("test");
    const s2s = row({ method: "s2s", refreshTokenExpiresAt: null, lastRefreshedAt: null });
    expect(decideAction({ ...s2s, lastTestedAt: ago(25 * HOUR) }, now)).toBe("test");
    expect(decideAction({ ...s2s, lastTestedAt: ago(HOUR) }, now)).toBe("none");
    expect(nextDueAt({ ...s2s, lastTestedAt: ago(HOUR) }, now)).toEqual(ahead(23 * HOUR));
  });

  it("waits out a back-off, then retries a connection in error like a used one", () => {
    const error = { status: "error", accessTokenExpiresAt: ago(MIN) };
    expect(decideAction(row({ ...error, nextAttemptAt: ahead(5 * MIN) }), now)).toBe("none");
    expect(nextDueAt(row({ ...error, nextAttemptAt: ahead(5 * MIN) }), now)).toEqual(ahead(5 * MIN));
    expect(decideAction(row({ ...error, nextAttemptAt: ago(1) }), now)).toBe("renew");
  });

  it("never schedules connections a person must act on, nor legacy tokens", () => {
    for (const status of ["needs_reconnect", "revoked", "draft"])
      expect(nextDueAt(row({ status, lastRefreshedAt: ago(30 * HOUR) }), now)).toBeNull();
    expect(nextDueAt(row({ method: "access_token" }), now)).toBeNull();
  });
});

describe("when the keeper looks next", () => {
  it("a used connection: shortly before its token runs out; an idle one: at its daily keep-alive", () => {
    expect(nextDueAt(row({ lastUsedAt: ago(MIN) }), now)).toEqual(ahead(30 * MIN - RENEW_AHEAD_MS));
    expect(nextDueAt(row(), now)).toEqual(ahead(KEEP_ALIVE_MS - 30 * MIN));
  });

  it("never sooner than a minute from now, so a round does not spin on a row", () => {
    expect(nextDueAt(row({ lastUsedAt: ago(MIN), accessTokenExpiresAt: ago(HOUR) }), now)).toEqual(
      ahead(MIN_RESCHEDULE_MS),
    );
  });
});

describe("connections used in n8n", () => {
  // n8n never calls the token API: it holds what the app pushed, so the app must renew ahead.
  const inN8n = { n8nLink: { id: "l1" } };
  const expiring = { accessTokenExpiresAt: ahead(RENEW_AHEAD_MS - MIN) };

  it("an OAuth connection used in n8n is busy: renewed ahead of expiry though no node fetched a token", () => {
    expect(decideAction(row({ ...expiring }), now)).toBe("none");
    expect(decideAction(row({ ...expiring, ...inN8n }), now)).toBe("renew");
    expect(nextDueAt(row({ ...inN8n }), now)).toEqual(ahead(30 * MIN - RENEW_AHEAD_MS));
  });

  it("a Server-to-Server connection used in n8n gets its token minted ahead too; others only tested", () => {
    const s2s = { method: "s2s", refreshTokenExpiresAt: null, ...expiring };
    expect(decideAction(row(s2s), now)).toBe("none");
    expect(decideAction(row({ ...s2s, ...inN8n }), now)).toBe("renew");
    expect(nextDueAt(row({ ...s2s, accessTokenExpiresAt: ahead(HOUR) }), now)).toEqual(
      ahead(24 * HOUR - 30 * MIN),
    );
    expect(nextDueAt(row({ ...s2s, ...inN8n, accessTokenExpiresAt: ahead(HOUR) }), now)).toEqual(
      ahead(HOUR - RENEW_AHEAD_MS),
    );
    // Backing off after a Zoom failure: not before the back-off ends.
    expect(decideAction(row({ ...s2s, ...inN8n, nextAttemptAt: ahead(5 * MIN) }), now)).toBe("none");
  });
});
