import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { OAUTH_APP, S2S_APP, setupZoomEmulator, zoomFailure } from "@/testing/zoom-emulator/fixture";
import { getCurrentUser } from "./get-current-user";
import { getServerToServerToken } from "./get-server-to-server-token";
import { refreshTokens } from "./refresh-tokens";
import { revokeToken } from "./revoke-token";
import { ZoomError } from "./zoom-error";

const emulator = setupZoomEmulator();
const s2s = (timeoutMs?: number) =>
  getServerToServerToken({ ...S2S_APP, config: emulator.config, timeoutMs });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

describe("faults: every failure without an HTTP answer or with a broken one is temporary", () => {
  it("HTTP 500 on the token endpoint", async () => {
    await emulator.control.addFault({ target: "token", kind: "500" });
    const entry = await zoomFailure(s2s());
    expect(entry).toMatchObject({
      id: "zoom_unavailable",
      kind: "temporary",
      action: "retry",
      zoomCode: "HTTP 500",
      httpStatus: 500,
      wizardStep: null,
    });
    // The fault was for one call only.
    await expect(s2s()).resolves.toMatchObject({ tokenType: "bearer" });
  });

  it("HTTP 429 surfaces Retry-After", async () => {
    await emulator.control.addFault({ target: "api", kind: "429", retryAfterSeconds: 7 });
    const tokens = await emulator.connect();
    const entry = await zoomFailure(
      getCurrentUser({ accessToken: tokens.accessToken, config: emulator.config }),
    );
    expect(entry).toMatchObject({
      id: "rate_limited",
      kind: "temporary",
      retryAfterSeconds: 7,
      httpStatus: 429,
    });
    expect(entry.message).toContain("7 seconds");
  });

  it("a slow answer still succeeds within the client's timeout", async () => {
    await emulator.control.addFault({ target: "token", kind: "slow", delayMs: 300 });
    const started = Date.now();
    await expect(s2s(3000)).resolves.toMatchObject({ tokenType: "bearer" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("no answer at all becomes a timeout entry after timeoutMs", async () => {
    await emulator.control.addFault({ target: "token", kind: "timeout" });
    const started = Date.now();
    const entry = await zoomFailure(s2s(250));
    expect(entry).toMatchObject({ id: "timeout", kind: "temporary", action: "retry" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a timeout on refresh keeps the error typed (the caller keeps its tokens)", async () => {
    const tokens = await emulator.connect();
    await emulator.control.addFault({ target: "token", kind: "timeout" });
    const error = await refreshTokens({
      ...OAUTH_APP,
      refreshToken: tokens.refreshToken ?? "",
      config: emulator.config,
      timeoutMs: 200,
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ZoomError);
    expect((error as ZoomError).kind).toBe("temporary");
  });

  it("a body that is not JSON (a proxy page with HTTP 200) is temporary", async () => {
    await emulator.control.addFault({ target: "token", kind: "garbage" });
    expect(await zoomFailure(s2s())).toMatchObject({ id: "invalid_response", kind: "temporary" });
    await emulator.control.addFault({ target: "api", kind: "garbage" });
    const tokens = await emulator.connect();
    const me = await zoomFailure(
      getCurrentUser({ accessToken: tokens.accessToken, config: emulator.config }),
    );
    expect(me).toMatchObject({ id: "invalid_response", kind: "temporary" });
    await emulator.control.addFault({ target: "revoke", kind: "garbage" });
    const revoke = await zoomFailure(
      revokeToken({ ...OAUTH_APP, token: tokens.accessToken, config: emulator.config }),
    );
    expect(revoke).toMatchObject({ id: "invalid_response", kind: "temporary" });
  });

  it("HTTP 500 on revoke and users/me", async () => {
    const tokens = await emulator.connect();
    await emulator.control.addFault({ target: "revoke", kind: "500" });
    await emulator.control.addFault({ target: "api", kind: "500" });
    const revoke = await zoomFailure(
      revokeToken({ ...OAUTH_APP, token: tokens.accessToken, config: emulator.config }),
    );
    expect(revoke).toMatchObject({ id: "zoom_unavailable", kind: "temporary" });
    const me = await zoomFailure(
      getCurrentUser({ accessToken: tokens.accessToken, config: emulator.config }),
    );
    expect(me).toMatchObject({ id: "zoom_unavailable", kind: "temporary" });
  });

  it("an answer lost in transit after a refresh rotated the tokens", async () => {
    const tokens = await emulator.connect();
    await emulator.control.addFault({ target: "token", kind: "lost" });
    const lost = await zoomFailure(
      refreshTokens({ ...OAUTH_APP, refreshToken: tokens.refreshToken ?? "", config: emulator.config }),
    );
    expect(lost).toMatchObject({ id: "connection_failed", kind: "temporary" });
    // Zoom did rotate: the old refresh token is dead now — the documented hazard.
    const again = await zoomFailure(
      refreshTokens({ ...OAUTH_APP, refreshToken: tokens.refreshToken ?? "", config: emulator.config }),
    );
    expect(again.id).toBe("invalid_grant");
  });

  it("connection refused (nothing listening) is temporary", async () => {
    const port = await closedPort();
    const config = { oauthBaseUrl: `http://127.0.0.1:${port}`, apiBaseUrl: `http://127.0.0.1:${port}/v2` };
    const entry = await zoomFailure(getServerToServerToken({ ...S2S_APP, config }));
    expect(entry).toMatchObject({ id: "connection_failed", kind: "temporary", zoomCode: "ECONNREFUSED" });
    const me = await zoomFailure(getCurrentUser({ accessToken: "x", config }));
    expect(me).toMatchObject({ id: "connection_failed", zoomCode: "ECONNREFUSED" });
  });

  it("the caller's own abort is reported as aborted, not as a Zoom failure", async () => {
    await emulator.control.addFault({ target: "token", kind: "timeout" });
    const controller = new AbortController();
    const pending = getServerToServerToken({
      ...S2S_APP,
      config: emulator.config,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await zoomFailure(pending)).toMatchObject({ id: "aborted", kind: "temporary" });
  });

  it("counts faulted calls", async () => {
    await emulator.control.addFault({ target: "token", kind: "500", count: 2 });
    await zoomFailure(s2s());
    await zoomFailure(s2s());
    await s2s();
    expect((await emulator.control.counters()).token.account_credentials).toBe(3);
  });
});
