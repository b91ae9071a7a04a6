import { describe, expect, it } from "vitest";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStepLabel } from "@/lib/guides/progress";
import { OAUTH_APP, setupZoomEmulator, zoomFailure } from "@/testing/zoom-emulator/fixture";
import { getCurrentUser } from "./get-current-user";
import { refreshTokens } from "./refresh-tokens";
import { revokeToken } from "./revoke-token";

const emulator = setupZoomEmulator();
const refresh = (refreshToken: string) =>
  refreshTokens({ ...OAUTH_APP, refreshToken, config: emulator.config });
const me = (accessToken: string) => getCurrentUser({ accessToken, config: emulator.config });

describe("refreshTokens against the emulator", () => {
  it("rotates: a new set works, the old refresh and access tokens die at once", async () => {
    const first = await emulator.connect();
    const second = await refresh(first.refreshToken ?? "");
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.scopes).toEqual(first.scopes);
    await expect(me(second.accessToken)).resolves.toMatchObject({ id: "user-1" });

    const oldRefresh = await zoomFailure(refresh(first.refreshToken ?? ""));
    expect(oldRefresh).toMatchObject({
      id: "invalid_grant",
      kind: "needs_person",
      action: "reconnect",
      zoomCode: "invalid_grant",
    });
    expect(oldRefresh.message).toContain(formStepLabel(oauthGuide, "connect"));
    const oldAccess = await zoomFailure(me(first.accessToken));
    expect(oldAccess).toMatchObject({ id: "invalid_access_token", zoomCode: "124" });
    expect((await emulator.control.counters()).token.refresh_token).toBe(2);
  });

  it("refuses an unknown refresh token and a token of another app", async () => {
    expect(await zoomFailure(refresh("not-a-token"))).toMatchObject({ id: "invalid_grant" });
    const tokens = await emulator.connect();
    await emulator.control.registerApp({ ...OAUTH_APP, clientId: "other-app" });
    const entry = await zoomFailure(
      refreshTokens({
        ...OAUTH_APP,
        clientId: "other-app",
        refreshToken: tokens.refreshToken ?? "",
        config: emulator.config,
      }),
    );
    expect(entry.id).toBe("invalid_grant");
  });

  it("after the app's scopes changed, refresh still succeeds with the old scopes; a new authorization grants the new", async () => {
    const tokens = await emulator.connect();
    const chosen = [...OAUTH_APP.scopes, "meeting:write:meeting"];
    await emulator.control.patchApp(OAUTH_APP.clientId, { scopes: chosen });
    const refreshed = await refresh(tokens.refreshToken ?? "");
    expect(refreshed.scopes).toEqual(OAUTH_APP.scopes);
    const again = await emulator.connect();
    expect(again.scopes).toEqual(chosen);
  });

  it("an empty refresh token is refused without a call", async () => {
    expect(await zoomFailure(refresh(""))).toMatchObject({ id: "invalid_grant" });
    expect((await emulator.control.counters()).token.refresh_token).toBe(0);
  });
});

describe("revokeToken against the emulator", () => {
  it("kills the whole set", async () => {
    const tokens = await emulator.connect();
    await revokeToken({ ...OAUTH_APP, token: tokens.accessToken, config: emulator.config });
    expect(await zoomFailure(me(tokens.accessToken))).toMatchObject({ id: "invalid_access_token" });
    expect(await zoomFailure(refresh(tokens.refreshToken ?? ""))).toMatchObject({ id: "invalid_grant" });
    expect((await emulator.control.counters()).revoke).toBe(1);
  });

  it("revoking by refresh token works too and is idempotent", async () => {
    const tokens = await emulator.connect();
    const revoke = () =>
      revokeToken({ ...OAUTH_APP, token: tokens.refreshToken ?? "", config: emulator.config });
    await revoke();
    await expect(revoke()).resolves.toBeUndefined();
    expect(await zoomFailure(me(tokens.accessToken))).toMatchObject({ id: "invalid_access_token" });
  });

  it("refuses a wrong Client Secret", async () => {
    const tokens = await emulator.connect();
    const entry = await zoomFailure(
      revokeToken({ ...OAUTH_APP, clientSecret: "nope", token: tokens.accessToken, config: emulator.config }),
    );
    expect(entry).toMatchObject({ id: "invalid_client", action: "fix_secret" });
    await expect(me(tokens.accessToken)).resolves.toMatchObject({ id: "user-1" });
  });
});
