import { afterEach, describe, expect, it, vi } from "vitest";
import type { FaultRequest } from "@/testing/zoom-emulator/control-client";
import type * as RequestModule from "@/lib/zoom/request";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { getAccessToken } from "./get-access-token";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";
import { unavailable } from "../../../testing/credentials/tokens/unavailable";

// The Zoom client's timeout is 10 s and the token engine passes none of its
// own. So that a hanging Zoom can be tested in well under a second, this file
// hands the real client a shorter budget (the same option any caller may set);
// everything else about the call is untouched.
const clientTimeout = vi.hoisted(() => ({ ms: undefined as number | undefined }));
vi.mock("@/lib/zoom/request", async (importOriginal) => {
  const original = await importOriginal<typeof RequestModule>();
  return {
    ...original,
    prepareCall: (options: RequestModule.ZoomCallOptions, ...rest: unknown[]) =>
      (original.prepareCall as (...args: unknown[]) => RequestModule.PreparedCall)(
        { ...options, timeoutMs: options.timeoutMs ?? clientTimeout.ms },
        ...rest,
      ),
  };
});

const t = setupTokenTest();

const secretsOf = (row: Awaited<ReturnType<typeof t.row>>) => ({
  clientSecretEnc: row.zoomApp?.developmentClientSecretEnc,
  accessTokenEnc: row.accessTokenEnc,
  refreshTokenEnc: row.refreshTokenEnc,
  accessTokenExpiresAt: row.accessTokenExpiresAt,
  grantedScopes: row.grantedScopes,
  version: row.version,
});

/** Within a second of `expected` (the engine takes its own `now`). */
function expectAround(actual: Date | null, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual?.getTime() ?? 0) - expected)).toBeLessThan(1_500);
}

const FAULTS: { name: string; fault: FaultRequest; backoffSeconds: number; reason: string; code: string }[] =
  [
    {
      name: "HTTP 500",
      fault: { target: "token", kind: "500" },
      backoffSeconds: 5,
      reason: "zoom_unavailable",
      code: "HTTP 500",
    },
    {
      name: "HTTP 429 with Retry-After",
      fault: { target: "token", kind: "429", retryAfterSeconds: 30 },
      backoffSeconds: 30,
      reason: "rate_limited",
      code: "HTTP 429",
    },
    {
      name: "a timeout (no answer at all)",
      fault: { target: "token", kind: "timeout" },
      backoffSeconds: 5,
      reason: "timeout",
      code: "TIMEOUT",
    },
    {
      name: "garbage (a 200 HTML page)",
      fault: { target: "token", kind: "garbage" },
      backoffSeconds: 5,
      reason: "invalid_response",
      code: "invalid_response",
    },
  ];

afterEach(() => {
  clientTimeout.ms = undefined;
});

describe("getAccessToken while Zoom's token endpoint is failing", () => {
  it.each(FAULTS)(
    "$name with an expired token: zoom_unavailable, nothing stored changes, back-off, then recovery",
    async ({ fault, backoffSeconds, reason, code }) => {
      const seeded = await t.seedOAuth();
      if (fault.kind === "timeout") clientTimeout.ms = 400;
      const before = await t.row(seeded.id);
      const calls = await t.tokenCalls();
      await t.emulator.control.addFault({ ...fault, count: 2 });

      const startedAt = Date.now();
      const error = await unavailable(getAccessToken(t.db, seeded.id));
      expect(error.reason).toBe("zoom_unavailable");
      expect(error.retryAfterSeconds).toBe(backoffSeconds);

      let row = await t.row(seeded.id);
      expect(secretsOf(row)).toEqual(secretsOf(before));
      expect(row.status).toBe("error");
      expect(row.lastErrorMessage).toMatch(/^Zoom unreachable, retrying/);
      expect(row.lastErrorCode).toBe(code);
      expect(row.failureCount).toBe(1);
      expectAround(row.nextAttemptAt, startedAt + backoffSeconds * 1000);
      expect(row).toMatchObject({ refreshLeaseOwner: null, refreshLeaseUntil: null });
      expect(await t.auditEvents(seeded.id, "credential.refresh_failed")).toEqual([
        { details: expect.objectContaining({ reason, temporary: true }) as unknown },
      ]);
      expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(1);

      // While backing off, callers are told when to come back and Zoom is left alone.
      const waiting = await unavailable(getAccessToken(t.db, seeded.id));
      expect(waiting.reason).toBe("zoom_unavailable");
      expect(waiting.retryAfterSeconds).toBeGreaterThan(0);
      expect(waiting.retryAfterSeconds).toBeLessThanOrEqual(backoffSeconds);
      expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(1);

      // Back-off over, Zoom still failing: the count goes up, the wait grows.
      await t.db.credential.update({
        where: { id: seeded.id },
        data: { nextAttemptAt: new Date(Date.now() - 1_000) },
      });
      const secondStart = Date.now();
      expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("zoom_unavailable");
      row = await t.row(seeded.id);
      expect(secretsOf(row)).toEqual(secretsOf(before));
      expect(row.failureCount).toBe(2);
      expectAround(row.nextAttemptAt, secondStart + Math.max(10, backoffSeconds) * 1000);
      // One "refresh failed" entry per outage, not one per attempt.
      expect(await t.auditEvents(seeded.id, "credential.refresh_failed")).toHaveLength(1);
      expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(2);

      // Zoom is back. The stored refresh token was never used up, so it still works.
      await t.emulator.control.clearFaults();
      await t.db.credential.update({
        where: { id: seeded.id },
        data: { nextAttemptAt: new Date(Date.now() - 1_000) },
      });
      const token = await getAccessToken(t.db, seeded.id);
      expect(token.accessToken).not.toBe(seeded.tokens?.accessToken);
      await expect(
        getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
      ).resolves.toMatchObject({ id: "user-1" });
      row = await t.row(seeded.id);
      expect(row).toMatchObject({
        status: "connected",
        lastErrorCode: null,
        lastErrorMessage: null,
        lastErrorAt: null,
        failureCount: 0,
        nextAttemptAt: null,
        version: before.version + 1,
      });
      expect(await t.auditEvents(seeded.id, "credential.refreshed")).toEqual([
        { details: { recovered: true } },
      ]);
      expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(3);
    },
  );

  it("force skips the back-off: after Zoom recovers, a forced call renews at once", async () => {
    const seeded = await t.seedOAuth();
    await t.emulator.control.addFault({ target: "token", kind: "500" });
    expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("zoom_unavailable");
    const row = await t.row(seeded.id);
    expect(row.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());

    const token = await getAccessToken(t.db, seeded.id, { force: true });
    expect(token.accessToken).not.toBe(seeded.tokens?.accessToken);
    expect(await t.row(seeded.id)).toMatchObject({
      status: "connected",
      lastErrorMessage: null,
      failureCount: 0,
      nextAttemptAt: null,
    });
    expect(await t.auditEvents(seeded.id, "credential.refreshed")).toEqual([
      { details: { recovered: true } },
    ]);
  });

  it("a token with under five minutes left is still served when the renewal fails, and during the back-off", async () => {
    const seeded = await t.seedOAuth({ accessExpiresInMs: 2 * 60_000 });
    const before = await t.row(seeded.id);
    const calls = await t.tokenCalls();
    await t.emulator.control.addFault({ target: "token", kind: "500" });

    const token = await getAccessToken(t.db, seeded.id);
    expect(token.accessToken).toBe(seeded.tokens?.accessToken);
    expect(token.expiresAt).toEqual(before.accessTokenExpiresAt);
    await expect(
      getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    const row = await t.row(seeded.id);
    expect(secretsOf(row)).toEqual(secretsOf(before));
    expect(row).toMatchObject({ status: "error", failureCount: 1 });
    expect(row.lastErrorMessage).toMatch(/^Zoom unreachable, retrying/);
    expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(1);

    // Backing off: the same token, no new call to Zoom.
    const again = await Promise.all(Array.from({ length: 5 }, () => getAccessToken(t.db, seeded.id)));
    expect(again.map((r) => r.accessToken)).toEqual(Array(5).fill(seeded.tokens?.accessToken));
    expect((await t.tokenCalls()).refresh_token - calls.refresh_token).toBe(1);
  });

  it("a lost answer (Zoom rotated, the app never heard) ends in Needs reconnect, not in a retry loop", async () => {
    const seeded = await t.seedOAuth();
    await t.emulator.control.addFault({ target: "token", kind: "lost" });
    expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("zoom_unavailable");
    expect(await t.row(seeded.id)).toMatchObject({ status: "error", failureCount: 1 });

    await t.db.credential.update({
      where: { id: seeded.id },
      data: { nextAttemptAt: new Date(Date.now() - 1_000) },
    });
    expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("reconnect_required");
    expect(await t.row(seeded.id)).toMatchObject({ status: "needs_reconnect", nextAttemptAt: null });
  });
});

describe("getAccessToken while Zoom's token endpoint is failing, Server-to-Server", () => {
  it("an HTTP 500 on account_credentials backs off and recovers the same way", async () => {
    const seeded = await t.seedS2S();
    await t.emulator.control.addFault({ target: "token", kind: "500" });
    const error = await unavailable(getAccessToken(t.db, seeded.id));
    expect(error).toMatchObject({ reason: "zoom_unavailable", retryAfterSeconds: 5 });
    expect(await t.row(seeded.id)).toMatchObject({ status: "error", failureCount: 1 });

    await t.db.credential.update({
      where: { id: seeded.id },
      data: { nextAttemptAt: new Date(Date.now() - 1_000) },
    });
    const token = await getAccessToken(t.db, seeded.id);
    await expect(
      getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ accountId: "acct-1" });
    expect(await t.row(seeded.id)).toMatchObject({
      status: "connected",
      failureCount: 0,
      lastErrorMessage: null,
    });
  });
});
