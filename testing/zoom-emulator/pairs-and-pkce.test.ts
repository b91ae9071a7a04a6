import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { exchangeCode } from "@/lib/zoom/exchange-code";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { authorizeOutcome, authorizePage } from "./authorize-helpers";
import { authorizeViaConsent } from "./control-client";
import { OAUTH_APP, REDIRECT_URI, USER, setupZoomEmulator, zoomFailure } from "./fixture";

const emulator = setupZoomEmulator();
const outcome = (params: Parameters<typeof authorizeOutcome>[1] = {}) =>
  authorizeOutcome(emulator.url, params);
const PROD_REDIRECT = "https://app.example.com/api/auth/callback/zoom";
const PRODUCTION = {
  clientId: "prod-client-id",
  clientSecret: "prod-client-secret-0123456789",
  redirectUrls: [PROD_REDIRECT],
};
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("Development and Production pairs", () => {
  it("flat fields are the Development pair; each view has its own redirect and allow lists", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { production: PRODUCTION, published: true });
    expect(await outcome()).toBe("code");
    expect(await outcome({ clientId: PRODUCTION.clientId, redirectUri: PROD_REDIRECT })).toBe("code");
    // Production keys with the redirect only in the Development view → 4700.
    expect(await outcome({ clientId: PRODUCTION.clientId })).toBe("Error 4700: Invalid redirect");
    expect(await outcome({ redirectUri: PROD_REDIRECT })).toBe("Error 4700: Invalid redirect");
  });

  it("an unpublished app takes only the Development pair", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { production: PRODUCTION });
    expect(await outcome({ clientId: PRODUCTION.clientId, redirectUri: PROD_REDIRECT })).toBe(
      "Error 4702: Invalid client_id",
    );
    expect(await outcome()).toBe("code");
  });

  it("a Development Client ID with the Production secret is invalid_client, and the reverse", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { production: PRODUCTION, published: true });
    const tokens = await emulator.connect();
    for (const [clientId, clientSecret] of [
      [OAUTH_APP.clientId, PRODUCTION.clientSecret],
      [PRODUCTION.clientId, OAUTH_APP.clientSecret],
    ] as const) {
      const entry = await zoomFailure(
        refreshTokens({
          clientId,
          clientSecret,
          refreshToken: tokens.refreshToken ?? "",
          config: emulator.config,
        }),
      );
      expect(entry).toMatchObject({ id: "invalid_client", zoomCode: "invalid_client" });
    }
  });

  it("a refresh token belongs to the pair that got it", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { production: PRODUCTION, published: true });
    const tokens = await emulator.connect();
    const entry = await zoomFailure(
      refreshTokens({ ...PRODUCTION, refreshToken: tokens.refreshToken ?? "", config: emulator.config }),
    );
    expect(entry.id).toBe("invalid_grant");
  });

  it("refuses a client id that another app already uses", async () => {
    await expect(
      emulator.control.registerApp({
        ...OAUTH_APP,
        clientId: "other",
        production: { ...PRODUCTION, clientId: OAUTH_APP.clientId },
      }),
    ).rejects.toThrow(/already belongs/);
  });

  it("refuses an app without the account it was built in", async () => {
    const response = await fetch(`${emulator.url}/__emulator/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...OAUTH_APP, accountId: undefined }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("accountId");
  });
});

describe("public Client ID", () => {
  it("works with PKCE and no secret; with Basic auth and a secret it is invalid_client", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { publicClientId: "public-id" });
    expect(await outcome({ clientId: "public-id" })).toBe("Invalid request");
    const verifier = generateRandomCodeVerifier();
    const codeChallenge = await calculatePKCECodeChallenge(verifier);
    const first = await authorizeViaConsent(emulator.url, {
      clientId: "public-id",
      redirectUri: REDIRECT_URI,
      codeChallenge,
    });
    const withSecret = await zoomFailure(
      exchangeCode({
        clientId: "public-id",
        clientSecret: OAUTH_APP.clientSecret,
        code: first.searchParams.get("code") ?? "",
        redirectUri: REDIRECT_URI,
        codeVerifier: verifier,
        config: emulator.config,
      }),
    );
    expect(withSecret).toMatchObject({ id: "invalid_client" });

    const second = await authorizeViaConsent(emulator.url, {
      clientId: "public-id",
      redirectUri: REDIRECT_URI,
      codeChallenge,
    });
    const response = await fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      headers: form,
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: "public-id",
        code: second.searchParams.get("code") ?? "",
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    expect(response.status).toBe(200);
  });
});

describe("PKCE mandatory for apps that say so", () => {
  it("authorize without a challenge stays on an error page; the exchange without a verifier is invalid_request", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { requirePkce: true });
    const { status, html } = await authorizePage(emulator.url, OAUTH_APP.clientId);
    expect(status).toBe(400);
    expect(html).toContain("code_challenge is missing");
    const code = await emulator.authorize({
      codeChallenge: await calculatePKCECodeChallenge(generateRandomCodeVerifier()),
    });
    const response = await fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: basic(OAUTH_APP.clientId, OAUTH_APP.clientSecret), ...form },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }),
    });
    expect(await response.json()).toEqual({ reason: "Missing code_verifier", error: "invalid_request" });
  });
});

describe("invalid_grant says nothing more", () => {
  it("a replaced, a rotated and an unknown refresh token all get the same bare answer", async () => {
    const first = await emulator.connect();
    const second = await emulator.connect();
    await refreshTokens({ ...OAUTH_APP, refreshToken: second.refreshToken ?? "", config: emulator.config });
    for (const token of [first.refreshToken, second.refreshToken, "unknown"]) {
      const response = await fetch(`${emulator.url}/oauth/token`, {
        method: "POST",
        headers: { authorization: basic(OAUTH_APP.clientId, OAUTH_APP.clientSecret), ...form },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: token ?? "" }),
      });
      expect(await response.json()).toEqual({ reason: "Invalid Token!", error: "invalid_grant" });
    }
  });
});

describe("faults scoped to one app", () => {
  it("an api or authorize fault for one app leaves another app's calls alone, and counters stay per app", async () => {
    await emulator.control.registerApp({ ...OAUTH_APP, clientId: "neighbour" });
    const mine = await emulator.connect();
    const theirs = await emulator.connect({ clientId: "neighbour" });
    await emulator.control.addFault({ target: "api", kind: "500", clientId: "neighbour" });
    await emulator.control.addFault({ target: "authorize", kind: "500", clientId: "neighbour" });
    const me = (accessToken: string) => getCurrentUser({ accessToken, config: emulator.config });
    await expect(me(mine.accessToken)).resolves.toMatchObject({ id: USER.id });
    expect(await outcome()).toBe("code");
    expect(await zoomFailure(me(theirs.accessToken))).toMatchObject({ id: "zoom_unavailable" });
    expect(await outcome({ clientId: "neighbour" })).toBe("HTTP 500");

    expect(await emulator.control.counters("neighbour")).toMatchObject({
      authorize: 2,
      usersMe: 1,
      token: { authorization_code: 1 },
    });
    expect(await emulator.control.counters(OAUTH_APP.clientId)).toMatchObject({ authorize: 2, usersMe: 1 });
  });

  it("counts a Production pair's calls under its app, and clears only one app's faults", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { production: PRODUCTION, published: true });
    await emulator.control.registerApp({ ...OAUTH_APP, clientId: "neighbour" });
    await emulator.control.addFault({ target: "token", kind: "500", clientId: PRODUCTION.clientId });
    await emulator.control.addFault({ target: "token", kind: "500", clientId: "neighbour" });
    await emulator.control.clearFaults(OAUTH_APP.clientId);
    const faults = (await emulator.control.state()).faults as { appKey: string }[];
    expect(faults.map((f) => f.appKey)).toEqual(["neighbour"]);
    await outcome({ clientId: PRODUCTION.clientId, redirectUri: PROD_REDIRECT });
    expect((await emulator.control.counters(PRODUCTION.clientId)).authorize).toBe(1);
    expect((await emulator.control.counters(OAUTH_APP.clientId)).authorize).toBe(1);
  });
});
