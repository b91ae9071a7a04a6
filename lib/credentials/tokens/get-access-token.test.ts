import { describe, expect, it, vi } from "vitest";
import { OAUTH_APP, zoomFailure } from "@/testing/zoom-emulator/fixture";
import { createDb } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { getAccessToken } from "./get-access-token";
import { releaseLease, takeLease } from "./refresh-lease";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";
import { unavailable } from "../../../testing/credentials/tokens/unavailable";

const t = setupTokenTest();

const me = (accessToken: string) => getCurrentUser({ accessToken, config: t.emulator.config });

describe("getAccessToken, one process", () => {
  it("100 parallel calls for an expired token make exactly one refresh, and the rotated refresh token is stored", async () => {
    const seeded = await t.seedOAuth();
    const before = await t.tokenCalls();

    const results = await Promise.all(Array.from({ length: 100 }, () => getAccessToken(t.db, seeded.id)));

    expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(1);
    const tokens = new Set(results.map((r) => r.accessToken));
    expect(tokens.size).toBe(1);
    const [token] = tokens;
    expect(token).not.toBe(seeded.tokens?.accessToken);
    expect(results[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(results[0]?.scopes).toEqual(seeded.tokens?.scopes);
    await expect(me(token ?? "")).resolves.toMatchObject({ id: "user-1" });
    // Rotation killed the old access token at Zoom.
    expect(await zoomFailure(me(seeded.tokens?.accessToken ?? ""))).toMatchObject({
      id: "invalid_access_token",
    });

    const row = await t.row(seeded.id);
    expect(row).toMatchObject({
      status: "connected",
      version: 1,
      failureCount: 0,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      lastErrorMessage: null,
    });
    expect(await t.storedRefreshToken(seeded.id)).not.toBe(seeded.tokens?.refreshToken);
    expect(await t.auditEvents(seeded.id, "credential.refreshed")).toEqual([{ details: {} }]);

    // The stored refresh token is the live one: a forced refresh with it works
    // (the original one would now get invalid_grant).
    const forced = await getAccessToken(t.db, seeded.id, { force: true });
    expect(forced.accessToken).not.toBe(token);
    expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(2);
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 2 });
    await expect(me(forced.accessToken)).resolves.toMatchObject({ id: "user-1" });
  });

  it("a token with more than five minutes left is served from the database without calling Zoom", async () => {
    const seeded = await t.seedOAuth({ accessExpiresInMs: 30 * 60_000 });
    const before = await t.tokenCalls();
    const results = await Promise.all(Array.from({ length: 10 }, () => getAccessToken(t.db, seeded.id)));
    expect(new Set(results.map((r) => r.accessToken))).toEqual(new Set([seeded.tokens?.accessToken]));
    expect(await t.tokenCalls()).toEqual(before);
    // …but asking for more validity than it has renews it.
    const longer = await getAccessToken(t.db, seeded.id, { minValidityMs: 40 * 60_000 });
    expect(longer.accessToken).not.toBe(seeded.tokens?.accessToken);
    expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(1);
  });
});

describe("getAccessToken, two instances in one process", () => {
  it("two database clients and two module instances (no shared single-flight) still make one refresh: the lease decides", async () => {
    const seeded = await t.seedOAuth();
    const otherDb = createDb(t.url);
    try {
      // A fresh copy of the whole module graph, as in a second app instance. The
      // single-flight map lives on globalThis (one per process): take it away
      // before the copy loads, so the copy makes a map of its own and the two
      // "instances" share nothing but the database — only the lease stands
      // between them and a double refresh.
      vi.resetModules();
      const shared = globalThis as { zcwInFlight?: Map<string, Promise<unknown>> };
      const firstMap = shared.zcwInFlight;
      delete shared.zcwInFlight;
      const other = await import("./get-access-token");
      const otherMap = shared.zcwInFlight;
      shared.zcwInFlight = firstMap;
      expect(other.getAccessToken).not.toBe(getAccessToken);
      expect(otherMap).toBeInstanceOf(Map);
      expect(otherMap).not.toBe(firstMap);
      const before = await t.tokenCalls();
      // Keep the winning refresh in flight long enough for the other instance to run into the lease.
      await t.emulator.control.addFault({ target: "token", kind: "slow", delayMs: 800 });

      const results = await Promise.all([
        ...Array.from({ length: 50 }, () => getAccessToken(t.db, seeded.id)),
        ...Array.from({ length: 50 }, () => other.getAccessToken(otherDb, seeded.id)),
      ]);

      expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(1);
      expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
      await expect(me(results[0]?.accessToken ?? "")).resolves.toMatchObject({ id: "user-1" });
      expect(await t.row(seeded.id)).toMatchObject({
        status: "connected",
        version: 1,
        refreshLeaseOwner: null,
        refreshLeaseUntil: null,
      });
      // The stored refresh token is the live one.
      await expect(getAccessToken(otherDb, seeded.id, { force: true })).resolves.toMatchObject({
        scopes: seeded.tokens?.scopes,
      });
      expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(2);
    } finally {
      await otherDb.$disconnect();
    }
  });

  it("the lease is taken by exactly one of many concurrent takers on two clients, and only its owner releases it", async () => {
    const seeded = await t.seedS2S();
    const otherDb = createDb(t.url);
    try {
      const owners = Array.from({ length: 20 }, (_, i) => `owner-${i}`);
      const taken = await Promise.all(
        owners.map((owner, i) => takeLease(i % 2 ? otherDb : t.db, seeded.id, owner)),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
      const winner = owners[taken.indexOf(true)] ?? "";
      expect(await t.row(seeded.id)).toMatchObject({ refreshLeaseOwner: winner });

      await releaseLease(t.db, seeded.id, "someone-else");
      expect(await t.row(seeded.id)).toMatchObject({ refreshLeaseOwner: winner });
      expect(await takeLease(otherDb, seeded.id, "late")).toBe(false);
      // An abandoned lease (its holder died) can be taken over once it has run out.
      await t.db.credential.update({
        where: { id: seeded.id },
        data: { refreshLeaseUntil: new Date(Date.now() - 1_000) },
      });
      expect(await takeLease(otherDb, seeded.id, "late")).toBe(true);
      await releaseLease(t.db, seeded.id, "late");
      expect(await t.row(seeded.id)).toMatchObject({ refreshLeaseOwner: null, refreshLeaseUntil: null });
    } finally {
      await otherDb.$disconnect();
    }
  });
});

describe("getAccessToken when Zoom refuses the refresh token", () => {
  it("a dead refresh token (already rotated elsewhere) → reconnect_required, Needs reconnect, audited, and no further calls", async () => {
    const seeded = await t.seedOAuth();
    // Someone used the refresh token behind the app's back: the stored one is dead now.
    await refreshTokens({
      ...OAUTH_APP,
      refreshToken: seeded.tokens?.refreshToken ?? "",
      config: t.emulator.config,
    });
    const before = await t.row(seeded.id);
    const calls = await t.tokenCalls();

    const error = await unavailable(getAccessToken(t.db, seeded.id));
    expect(error.reason).toBe("reconnect_required");
    expect(error.userMessage).toMatch(/no longer accepts this connection/);

    const after = await t.row(seeded.id);
    expect(after).toMatchObject({
      status: "needs_reconnect",
      lastErrorCode: "invalid_grant",
      nextAttemptAt: null,
      refreshLeaseOwner: null,
    });
    expect(after.lastErrorMessage).toBe(error.userMessage);
    expect([after.accessTokenEnc, after.refreshTokenEnc, after.version]).toEqual([
      before.accessTokenEnc,
      before.refreshTokenEnc,
      before.version,
    ]);
    expect(await t.auditEvents(seeded.id, "credential.refresh_failed")).toEqual([
      { details: { reason: "invalid_grant", code: "invalid_grant" } },
    ]);
    expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(1);

    // A person must act now: later calls (forced or not) do not touch Zoom again.
    expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("reconnect_required");
    expect((await unavailable(getAccessToken(t.db, seeded.id, { force: true }))).reason).toBe(
      "reconnect_required",
    );
    expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(1);
  });

  // Zoom's answer is a bare invalid_grant (no 4741): the app must not depend on the number.
  it("a token set replaced by a newer authorization of the same user → Needs reconnect", async () => {
    const seeded = await t.seedOAuth();
    await t.emulator.connect();
    const error = await unavailable(getAccessToken(t.db, seeded.id));
    expect(error.reason).toBe("reconnect_required");
    expect(await t.row(seeded.id)).toMatchObject({
      status: "needs_reconnect",
      lastErrorCode: "invalid_grant",
    });
    expect(await t.auditEvents(seeded.id, "credential.refresh_failed")).toHaveLength(1);
  });
});

describe("getAccessToken for Server-to-Server credentials", () => {
  it("20 parallel calls with an expired token make one account_credentials grant; the token is then cached", async () => {
    const seeded = await t.seedS2S();
    const before = await t.tokenCalls();

    const results = await Promise.all(Array.from({ length: 20 }, () => getAccessToken(t.db, seeded.id)));

    const after = await t.tokenCalls();
    expect(after.account_credentials - before.account_credentials).toBe(1);
    expect(after.refresh_token).toBe(before.refresh_token);
    const tokens = new Set(results.map((r) => r.accessToken));
    expect(tokens.size).toBe(1);
    const [token] = tokens;
    expect(token).not.toBe("expired-s2s-placeholder");
    await expect(me(token ?? "")).resolves.toMatchObject({ accountId: "acct-1" });
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 1, refreshTokenEnc: null });

    // Valid for an hour: the next calls reuse it.
    const again = await Promise.all(Array.from({ length: 5 }, () => getAccessToken(t.db, seeded.id)));
    expect(again.map((r) => r.accessToken)).toEqual(Array(5).fill(token));
    expect(await t.tokenCalls()).toEqual(after);
  });
});
