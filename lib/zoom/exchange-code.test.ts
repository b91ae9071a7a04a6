import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStepLabel } from "@/lib/guides/progress";
import { OAUTH_APP, REDIRECT_URI, setupZoomEmulator, zoomFailure } from "@/testing/zoom-emulator/fixture";
import { decodeZoomToken } from "./decode-token";
import { exchangeCode } from "./exchange-code";
import { getCurrentUser } from "./get-current-user";
import { refreshTokens } from "./refresh-tokens";

const emulator = setupZoomEmulator();

function exchange(code: string, overrides: Partial<Parameters<typeof exchangeCode>[0]> = {}) {
  return exchangeCode({
    ...OAUTH_APP,
    code,
    redirectUri: REDIRECT_URI,
    config: emulator.config,
    ...overrides,
  });
}

describe("exchangeCode against the emulator", () => {
  it("returns a complete token set for a fresh code", async () => {
    const before = Date.now();
    const tokens = await exchange(await emulator.authorize());
    expect(tokens.tokenType).toBe("bearer");
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.scopes).toEqual(OAUTH_APP.scopes);
    expect(tokens.apiUrl).toBe(emulator.url);
    expect(tokens.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 3599_000 - 50);
    expect(tokens.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 3599_000);
    const decoded = decodeZoomToken(tokens.accessToken);
    expect(decoded).toMatchObject({
      ok: true,
      kind: "oauth_access",
      userId: "user-1",
      clientId: OAUTH_APP.clientId,
    });
    expect((await emulator.control.counters()).token.authorization_code).toBe(1);
  });

  it("verifies PKCE: the right verifier works, a wrong one is refused", async () => {
    const verifier = generateRandomCodeVerifier();
    const challenge = await calculatePKCECodeChallenge(verifier);
    const ok = await exchange(await emulator.authorize({ codeChallenge: challenge }), {
      codeVerifier: verifier,
    });
    expect(ok.accessToken).toBeTruthy();

    const wrong = await zoomFailure(
      exchange(await emulator.authorize({ codeChallenge: challenge }), {
        codeVerifier: generateRandomCodeVerifier(),
      }),
    );
    expect(wrong).toMatchObject({
      id: "invalid_code",
      kind: "needs_person",
      action: "reconnect",
      wizardStep: "connect",
    });
    expect(wrong.zoomCode).toBe("invalid_grant");
  });

  it("requires the verifier when a challenge was sent", async () => {
    const challenge = await calculatePKCECodeChallenge(generateRandomCodeVerifier());
    const entry = await zoomFailure(exchange(await emulator.authorize({ codeChallenge: challenge })));
    expect(entry.id).toBe("invalid_code");
  });

  it("refuses a code used twice", async () => {
    const code = await emulator.authorize();
    await exchange(code);
    const entry = await zoomFailure(exchange(code));
    expect(entry).toMatchObject({
      id: "invalid_code",
      kind: "needs_person",
      zoomCode: "invalid_request",
      httpStatus: 400,
    });
    expect(entry.message).toContain(formStepLabel(oauthGuide, "connect"));
  });

  it("refuses a code older than 5 minutes", async () => {
    const code = await emulator.authorize();
    await emulator.control.setClock(301);
    const entry = await zoomFailure(exchange(code));
    expect(entry).toMatchObject({ id: "code_expired", kind: "needs_person", wizardStep: "connect" });
  });

  it("accepts a code just under 5 minutes old", async () => {
    const code = await emulator.authorize();
    await emulator.control.setClock(290);
    await expect(exchange(code)).resolves.toMatchObject({ tokenType: "bearer" });
  });

  it("reports a wrong Client Secret as fix_secret on step 4", async () => {
    const entry = await zoomFailure(exchange(await emulator.authorize(), { clientSecret: "wrong-secret" }));
    expect(entry).toMatchObject({
      id: "invalid_client",
      kind: "needs_person",
      action: "fix_secret",
      wizardStep: "credentials",
    });
    expect(entry.zoomCode).toBe("invalid_client");
    expect(entry.message).toContain("Client Secret");
    expect(entry.message).toContain(formStepLabel(oauthGuide, "client-credentials"));
  });

  it("refuses a redirect_uri different from the one sent to authorize", async () => {
    const entry = await zoomFailure(
      exchange(await emulator.authorize(), { redirectUri: `${REDIRECT_URI}/other` }),
    );
    expect(entry).toMatchObject({ id: "redirect_mismatch", action: "fix_redirect", wizardStep: "redirect" });
    expect(entry.message).toContain(formStepLabel(oauthGuide, "copy-urls"));
  });

  it("refuses empty inputs without calling Zoom", async () => {
    expect(await zoomFailure(exchange("  "))).toMatchObject({ id: "invalid_code" });
    expect(await zoomFailure(exchange("x", { clientSecret: "" }))).toMatchObject({
      id: "client_credentials_missing",
    });
    const counters = await emulator.control.counters();
    expect(counters.token.authorization_code).toBe(0);
  });

  it("a second authorization of the same user and app kills the first token set (no 4741 said)", async () => {
    const first = await emulator.connect();
    const second = await emulator.connect();
    await expect(
      getCurrentUser({ accessToken: second.accessToken, config: emulator.config }),
    ).resolves.toMatchObject({
      id: "user-1",
    });
    const api = await zoomFailure(
      getCurrentUser({ accessToken: first.accessToken, config: emulator.config }),
    );
    expect(api).toMatchObject({
      id: "invalid_access_token",
      zoomCode: "124",
      httpStatus: 401,
      action: "reconnect",
    });

    const refresh = await zoomFailure(
      refreshTokens({ ...OAUTH_APP, refreshToken: first.refreshToken ?? "", config: emulator.config }),
    );
    // Zoom's answer carries no numeric code: the words must not depend on 4741.
    expect(refresh).toMatchObject({
      id: "invalid_grant",
      zoomCode: "invalid_grant",
      kind: "needs_person",
      action: "reconnect",
      wizardStep: "connect",
    });
    expect(refresh.message).toContain("replaced by a newer one");
  });
});
