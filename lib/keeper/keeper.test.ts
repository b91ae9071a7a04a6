import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OAUTH_APP, USER } from "@/testing/zoom-emulator/fixture";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import { claimBatch } from "./claim-batch";
import { keeperTick } from "./keeper-tick";
import { KEEP_ALIVE_MS, RENEW_AHEAD_MS } from "./keeper-rules";
import {
  readKeeperRow,
  seedConnections,
  type SeedApp,
  type SeedRow,
} from "../../testing/keeper/seed-connections";

const t = setupTokenTest();
const MIN = 60_000;
const HOUR = 60 * MIN;
const app: SeedApp = {
  clientId: OAUTH_APP.clientId,
  clientSecret: OAUTH_APP.clientSecret,
  userId: USER.id,
  accountId: USER.accountId,
};

// One database for the file: rows of earlier tests must not be due in later ones.
beforeEach(async () => {
  await t.db.credential.updateMany({ data: { keeperDueAt: null } });
});
afterEach(() => {
  vi.useRealTimers();
});

const seed = (rows: SeedRow[], now = new Date()) => seedConnections(t.db, t.emulator.control, app, rows, now);
const calls = async (clientId = OAUTH_APP.clientId) => {
  const counters = await t.emulator.control.counters(clientId);
  return { refresh: counters.token.refresh_token, usersMe: counters.usersMe };
};
const near = (date: Date | null, expected: number, toleranceMs = 10_000) => {
  expect(date).not.toBeNull();
  expect(Math.abs(date!.getTime() - expected)).toBeLessThan(toleranceMs);
};

describe("a keeper round: renew what is used", () => {
  it("renews a used connection ahead of expiry; an idle one with the same token is only rescheduled", async () => {
    const now = Date.now();
    const common = {
      accessTokenExpiresAt: new Date(now + 5 * MIN),
      lastRefreshedAt: new Date(now - 55 * MIN),
      lastTestedAt: new Date(now - 55 * MIN),
      keeperDueAt: new Date(now - MIN),
    };
    const [used, idle] = await seed([{ ...common, lastUsedAt: new Date(now - 10 * MIN) }, common]);

    const report = await keeperTick(t.db);

    expect(await calls()).toEqual({ refresh: 1, usersMe: 0 });
    expect(report).toMatchObject({ renewed: 1, rescheduled: 1, tested: 0, unfinished: false });
    const renewed = await readKeeperRow(t.db, used!);
    expect(renewed).toMatchObject({ version: 1, status: "connected" });
    near(renewed.accessTokenExpiresAt, Date.now() + HOUR);
    // Looked at again shortly before the new token runs out.
    expect(renewed.keeperDueAt).toEqual(new Date(renewed.accessTokenExpiresAt!.getTime() - RENEW_AHEAD_MS));
    expect(await t.auditEvents(used!, "credential.refreshed")).toHaveLength(1);
    expect(await t.row(used!)).toMatchObject({ refreshLeaseOwner: null });

    const untouched = await readKeeperRow(t.db, idle!);
    expect(untouched).toMatchObject({ version: 0, accessTokenExpiresAt: common.accessTokenExpiresAt });
    expect(untouched.keeperDueAt).toEqual(new Date(common.lastRefreshedAt.getTime() + KEEP_ALIVE_MS));
  });

  it("keeps an idle connection alive once a day: one renewal and one test that reuses the fresh token", async () => {
    const now = Date.now();
    const day = new Date(now - KEEP_ALIVE_MS - MIN);
    const [idle] = await seed([
      {
        accessTokenExpiresAt: new Date(day.getTime() + HOUR),
        lastRefreshedAt: day,
        lastTestedAt: day,
        keeperDueAt: new Date(now - MIN),
      },
    ]);

    const report = await keeperTick(t.db);
    expect(report).toMatchObject({ renewed: 1, tested: 1, testFailed: 0 });
    expect(await calls()).toEqual({ refresh: 1, usersMe: 1 });
    const row = await readKeeperRow(t.db, idle!);
    expect(row).toMatchObject({ version: 1, status: "connected" });
    near(row.lastRefreshedAt, Date.now());
    near(row.lastTestedAt, Date.now());
    near(row.keeperDueAt, Date.now() + KEEP_ALIVE_MS);

    // The next round has nothing to do for it.
    await keeperTick(t.db);
    expect(await calls()).toEqual({ refresh: 1, usersMe: 1 });
  });

  it("tests a used connection daily with the token it has, without renewing it", async () => {
    const now = Date.now();
    const expires = new Date(now + 40 * MIN);
    const [used] = await seed([
      {
        accessTokenExpiresAt: expires,
        lastUsedAt: new Date(now - 5 * MIN),
        lastRefreshedAt: new Date(now - 20 * MIN),
        lastTestedAt: new Date(now - 25 * HOUR),
        keeperDueAt: new Date(now - MIN),
      },
    ]);
    expect(await keeperTick(t.db)).toMatchObject({ renewed: 0, tested: 1 });
    expect(await calls()).toEqual({ refresh: 0, usersMe: 1 });
    const row = await readKeeperRow(t.db, used!);
    expect(row.version).toBe(0);
    near(row.lastTestedAt, Date.now());
    expect(row.keeperDueAt).toEqual(new Date(expires.getTime() - RENEW_AHEAD_MS));
  });

  it("renews early when the refresh token's expiry hint is near, then schedules by the new one", async () => {
    const now = Date.now();
    const [hinted] = await seed([
      {
        refreshTokenExpiresAt: new Date(now + HOUR),
        lastRefreshedAt: new Date(now - 3 * HOUR),
        lastTestedAt: new Date(now - 3 * HOUR),
        accessTokenExpiresAt: new Date(now - 2 * HOUR),
        keeperDueAt: new Date(now - MIN),
      },
    ]);
    expect(await keeperTick(t.db)).toMatchObject({ renewed: 1, tested: 1 });
    expect(await calls()).toEqual({ refresh: 1, usersMe: 1 });
    const row = await readKeeperRow(t.db, hinted!);
    // The emulator's new refresh token runs for years (Zoom's support pages: 15).
    expect(row.refreshTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 365 * 24 * HOUR);
    near(row.keeperDueAt, Date.now() + KEEP_ALIVE_MS);
  });

  it("retries a connection in error once its back-off is over, and marks it connected again", async () => {
    const now = Date.now();
    const [failing] = await seed([
      {
        status: "error",
        accessTokenExpiresAt: new Date(now - MIN),
        nextAttemptAt: new Date(now - 1_000),
        keeperDueAt: new Date(now - 1_000),
      },
    ]);
    expect(await keeperTick(t.db)).toMatchObject({ renewed: 1 });
    expect(await readKeeperRow(t.db, failing!)).toMatchObject({ status: "connected", nextAttemptAt: null });
  });
});

describe("a keeper round: fair and bounded", () => {
  it("claims the oldest due first, and one round works through every batch", async () => {
    const now = Date.now();
    const idle = { lastRefreshedAt: new Date(now - HOUR), lastTestedAt: new Date(now - HOUR) };
    const order = [3, 0, 5, 1, 4, 2];
    const ids = await seed(
      order.map((minutes) => ({ ...idle, keeperDueAt: new Date(now - (minutes + 1) * MIN) })),
    );
    const byAge = [...order.keys()].sort((a, b) => order[b]! - order[a]!).map((i) => ids[i]);

    const first = await claimBatch(t.db, { instance: "probe", now: new Date(), size: 2, claimMs: 1_000 });
    expect(first.rows.map((r) => r.id)).toEqual(byAge.slice(0, 2));
    // Claimed rows are skipped by another claim; the next oldest come next.
    const second = await claimBatch(t.db, { instance: "other", now: new Date(), size: 2, claimMs: 1_000 });
    expect(second.rows.map((r) => r.id)).toEqual(byAge.slice(2, 4));
    await t.db.credential.updateMany({ data: { keeperClaimOwner: null, keeperClaimUntil: null } });

    const report = await keeperTick(t.db, { batchSize: 2, concurrency: 1 });
    expect(report).toMatchObject({ rescheduled: 6, unfinished: false });
    expect(await t.db.credential.count({ where: { keeperDueAt: { lte: new Date() } } })).toBe(0);
    expect(await calls()).toEqual({ refresh: 0, usersMe: 0 });
  });

  it("a claim runs out on the database's clock: an instance whose clock runs ahead takes no live claim", async () => {
    const now = Date.now();
    const idle = { lastRefreshedAt: new Date(now - HOUR), lastTestedAt: new Date(now - HOUR) };
    await seed([0, 1].map(() => ({ ...idle, keeperDueAt: new Date(now - MIN) })));
    const first = await claimBatch(t.db, { instance: "a", now: new Date(), size: 2, claimMs: MIN });
    expect(first.rows).toHaveLength(2);
    // Its clock is 10 minutes fast: by its own time, a's one-minute claim ran out long ago.
    const fast = await claimBatch(t.db, {
      instance: "fast-clock",
      now: new Date(Date.now() + 10 * MIN),
      size: 2,
      claimMs: MIN,
    });
    expect(fast.rows).toEqual([]);
    await t.db.credential.updateMany({ data: { keeperClaimOwner: null, keeperClaimUntil: null } });
  });

  it("a round out of time says so, leaves its rows due and unclaimed for the next one", async () => {
    const now = Date.now();
    await seed(Array.from({ length: 3 }, () => ({ keeperDueAt: new Date(now - MIN) })));
    const report = await keeperTick(t.db, { budgetMs: -1 });
    expect(report).toMatchObject({ unfinished: true, leftDue: 3, rescheduled: 0 });
    expect(await t.db.credential.count({ where: { keeperClaimOwner: { not: null } } })).toBe(0);
  });
});

describe("a simulated day", () => {
  it("an idle connection costs 2 Zoom calls; a used one's token never runs out", async () => {
    const IDLE_APP = {
      ...OAUTH_APP,
      clientId: "idle-client-id",
      clientSecret: "idle-client-secret-0123456789",
    };
    await t.emulator.control.registerApp(IDLE_APP);
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const [used] = await seed([
      {
        lastUsedAt: new Date(start),
        accessTokenExpiresAt: new Date(start + 20 * MIN),
        lastTestedAt: new Date(start),
      },
    ]);
    await seedConnections(t.db, t.emulator.control, { ...app, ...IDLE_APP }, [
      { lastRefreshedAt: new Date(start - 2 * HOUR), lastTestedAt: new Date(start - 2 * HOUR) },
    ]);

    let longestExpiredMs = Number.NEGATIVE_INFINITY;
    // Rounds every 2 minutes (the keeper's interval is a setting).
    for (let minute = 2; minute <= 24 * 60; minute += 2) {
      vi.setSystemTime(start + minute * MIN);
      // A node fetches the used connection's token every 4 minutes.
      if (minute % 4 === 0)
        await t.db.credential.update({ where: { id: used! }, data: { lastUsedAt: new Date() } });
      await keeperTick(t.db);
      const { accessTokenExpiresAt } = await readKeeperRow(t.db, used!);
      longestExpiredMs = Math.max(longestExpiredMs, Date.now() - accessTokenExpiresAt!.getTime());
    }
    const idleCalls = await calls(IDLE_APP.clientId);
    expect(idleCalls.refresh + idleCalls.usersMe).toBeLessThanOrEqual(2);
    expect(idleCalls).toEqual({ refresh: 1, usersMe: 1 });
    // Never expired, and always renewed with some minutes to spare.
    expect(longestExpiredMs).toBeLessThan(-RENEW_AHEAD_MS / 2);
    const usedCalls = await calls();
    expect(usedCalls.refresh).toBeGreaterThanOrEqual(24);
    expect(usedCalls.refresh).toBeLessThanOrEqual(30);
    expect(usedCalls.usersMe).toBe(1);
  }, 120_000);
});

describe("legacy tokens and refresh-token hints", () => {
  it("flags legacy and refresh tokens expiring within 7 days; expired legacy ones need a person", async () => {
    const now = new Date();
    const user = await t.db.user.create({
      data: { email: `k-${now.getTime()}@example.com`, name: "K", passwordHash: "x" },
    });
    const workspace = await t.db.workspace.create({ data: { name: "W", slug: `w-k-${now.getTime()}` } });
    const make = (name: string, expiresInMs: number) =>
      t.db.credential.create({
        data: {
          workspaceId: workspace.id,
          ownerId: user.id,
          name,
          method: "access_token",
          status: "connected",
          accessTokenExpiresAt: new Date(now.getTime() + expiresInMs),
          lastTestedAt: now,
        },
      });
    const far = await make("far", 30 * 86_400_000);
    const oauthSoon = await t.db.credential.create({
      data: {
        workspaceId: workspace.id,
        ownerId: user.id,
        name: "oauth",
        method: "oauth",
        status: "connected",
        accessTokenExpiresAt: new Date(now.getTime() + 3_600_000),
        refreshTokenExpiresAt: new Date(now.getTime() + 3 * 86_400_000),
        lastTestedAt: now,
      },
    });
    const soon = await make("soon", 2 * 86_400_000);
    const gone = await make("gone", -60_000);
    const report = await keeperTick(t.db, { now });
    expect(report).toMatchObject({ markedExpiring: 2, markedExpired: 1 });
    const status = async (id: string) =>
      (await t.db.credential.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(await status(far.id)).toBe("connected");
    expect(await status(soon.id)).toBe("expiring_soon");
    expect(await status(gone.id)).toBe("needs_reconnect");
    expect(await status(oauthSoon.id)).toBe("expiring_soon");
  });
});
