import { describe, expect, it } from "vitest";
import { OAUTH_APP, S2S_APP, setupZoomEmulator, zoomFailure } from "@/testing/zoom-emulator/fixture";
import { getServerToServerToken } from "./get-server-to-server-token";

const emulator = setupZoomEmulator();
const s2s = (overrides: Partial<Parameters<typeof getServerToServerToken>[0]> = {}) =>
  getServerToServerToken({ ...S2S_APP, config: emulator.config, ...overrides });

describe("getServerToServerToken against the emulator", () => {
  it("returns an hour-long token without a refresh token", async () => {
    const token = await s2s();
    expect(token).toMatchObject({
      refreshToken: null,
      tokenType: "bearer",
      scopes: S2S_APP.scopes,
      apiUrl: emulator.url,
    });
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(3590_000);
    expect((await emulator.control.counters()).token.account_credentials).toBe(1);
  });

  it("reports a wrong Account ID as fix_account_id on step 2", async () => {
    const entry = await zoomFailure(s2s({ accountId: "acct-wrong" }));
    expect(entry).toMatchObject({
      id: "invalid_account_id",
      action: "fix_account_id",
      wizardStep: "s2s-credentials",
      zoomCode: "invalid_request",
    });
    expect(entry.message).toContain("Account ID");
    expect(entry.message).toContain("step 2");
  });

  it("reports an app that is not activated as activate_app on step 5", async () => {
    await emulator.control.patchApp(S2S_APP.clientId, { activated: false });
    const entry = await zoomFailure(s2s());
    expect(entry).toMatchObject({
      id: "app_not_activated",
      action: "activate_app",
      wizardStep: "s2s-activate",
    });
    expect(entry.message).toContain("step 5");
  });

  it("reports a wrong secret on the Server-to-Server step 2", async () => {
    const entry = await zoomFailure(s2s({ clientSecret: "wrong" }));
    expect(entry).toMatchObject({
      id: "invalid_client",
      action: "fix_secret",
      wizardStep: "s2s-credentials",
    });
    expect(entry.message).toContain("step 2");
  });

  it("reports a user-managed app's credentials as the wrong kind of app", async () => {
    const entry = await zoomFailure(
      s2s({ clientId: OAUTH_APP.clientId, clientSecret: OAUTH_APP.clientSecret }),
    );
    expect(entry).toMatchObject({
      id: "unsupported_grant_type",
      zoomCode: "unsupported_grant_type",
      wizardStep: "s2s-credentials",
    });
  });

  it("reports a disabled app", async () => {
    await emulator.control.patchApp(S2S_APP.clientId, { disabled: true });
    const entry = await zoomFailure(s2s());
    expect(entry).toMatchObject({ id: "app_disabled", zoomCode: "4717", action: "activate_app" });
  });
});
