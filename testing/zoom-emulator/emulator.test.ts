import { decodeProtectedHeader, decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { authorizeViaConsent } from "./control-client";
import { OAUTH_APP, REDIRECT_URI, S2S_APP, USER, setupZoomEmulator } from "./fixture";

const emulator = setupZoomEmulator();
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(`${emulator.url}/oauth/authorize`);
  for (const [k, v] of Object.entries({
    response_type: "code",
    client_id: OAUTH_APP.clientId,
    redirect_uri: REDIRECT_URI,
    ...params,
  })) {
    url.searchParams.set(k, v);
  }
  return url.toString();
}

async function titleOf(response: Response): Promise<string> {
  return /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? "";
}

function postToken(
  body: string | URLSearchParams,
  headers: Record<string, string>,
  query = "",
): Promise<Response> {
  return fetch(`${emulator.url}/oauth/token${query}`, { method: "POST", body, headers });
}

describe("emulator /oauth/authorize", () => {
  it("shows a consent page with the signed-in user, the scopes, Allow and Decline", async () => {
    const response = await fetch(authorizeUrl({ state: "s1", scope: "" }));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Pat Person");
    expect(html).toContain(USER.email);
    expect(html).toContain("meeting:read:list_meetings");
    expect(html).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*>Decline<\/button>/);
    expect((await emulator.control.counters()).authorize).toBe(1);
  });

  it.each([
    ["a redirect URL missing from the allow list", { redirectUrls: [REDIRECT_URI], allowList: [] }],
    ["a redirect URL missing from the redirect list", { redirectUrls: [], allowList: [REDIRECT_URI] }],
    [
      "a redirect URL differing by a trailing slash",
      { redirectUrls: [`${REDIRECT_URI}/`], allowList: [`${REDIRECT_URI}/`] },
    ],
  ])("shows Zoom's 4700 page for %s", async (_, lists) => {
    await emulator.control.patchApp(OAUTH_APP.clientId, lists);
    const response = await fetch(authorizeUrl({}), { redirect: "manual" });
    expect(response.status).toBe(400);
    const title = await titleOf(response);
    expect(title).toContain("4700");
    expect(title).toContain("Invalid redirect");
  });

  it("shows error pages for an unknown client, a disabled app and a Server-to-Server app", async () => {
    expect(await titleOf(await fetch(authorizeUrl({ client_id: "nope" })))).toContain("4702");
    expect(await titleOf(await fetch(authorizeUrl({ client_id: S2S_APP.clientId })))).toContain("4705");
    await emulator.control.patchApp(OAUTH_APP.clientId, { disabled: true });
    expect(await titleOf(await fetch(authorizeUrl({})))).toContain("4717");
  });

  it("redirects with an error for a wrong response_type or PKCE method", async () => {
    const wrongType = await fetch(authorizeUrl({ response_type: "token", state: "s" }), {
      redirect: "manual",
    });
    expect(wrongType.headers.get("location")).toBe(`${REDIRECT_URI}?error=unsupported_response_type&state=s`);
    const plain = await fetch(
      authorizeUrl({ code_challenge: "a".repeat(43), code_challenge_method: "plain" }),
      { redirect: "manual" },
    );
    expect(plain.headers.get("location")).toContain("error=invalid_request");
  });

  it("Decline sends the person back with error=access_denied and the state", async () => {
    const location = await authorizeViaConsent(emulator.url, {
      clientId: OAUTH_APP.clientId,
      redirectUri: REDIRECT_URI,
      state: "xyz",
      decision: "decline",
    });
    expect(location.toString()).toBe(`${REDIRECT_URI}?error=access_denied&state=xyz`);
  });

  it("Allow returns a code and the state unchanged", async () => {
    const location = await authorizeViaConsent(emulator.url, {
      clientId: OAUTH_APP.clientId,
      redirectUri: REDIRECT_URI,
      state: "a b/c",
    });
    expect(location.searchParams.get("state")).toBe("a b/c");
    expect(location.searchParams.get("code")).toMatch(/^[\w-]{20,}$/);
  });

  it("refuses a cross-site Allow and a replayed consent", async () => {
    const page = await (await fetch(authorizeUrl({}))).text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const post = (origin: string) =>
      fetch(`${emulator.url}/oauth/authorize`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin },
        body: new URLSearchParams({ consent_id: consentId, decision: "allow" }),
      });
    expect((await post("https://evil.example")).status).toBe(403);
    expect((await post(emulator.url)).status).toBe(302);
    expect((await post(emulator.url)).status).toBe(400);
  });

  it("uses the chosen signed-in user, or a default demo user when none exists", async () => {
    await emulator.control.registerUser({
      ...USER,
      id: "user-2",
      email: "sam@example.com",
      firstName: "Sam",
    });
    await emulator.control.signIn("user-2");
    expect(await (await fetch(authorizeUrl({}))).text()).toContain("sam@example.com");
    await emulator.control.reset();
    // Dana Demo's account: a private app lets only its own account's users in.
    await emulator.control.registerApp({ ...OAUTH_APP, accountId: "demo-account-id" });
    expect(await (await fetch(authorizeUrl({}))).text()).toContain("dana@example.com");
  });
});

describe("emulator /oauth/token strictness", () => {
  const form = (params: Record<string, string>) => new URLSearchParams(params);
  const auth = { authorization: basic(OAUTH_APP.clientId, OAUTH_APP.clientSecret) };

  it("refuses credentials in the body, a missing Basic header and JSON bodies", async () => {
    const inBody = await postToken(
      form({
        grant_type: "refresh_token",
        refresh_token: "x",
        client_id: OAUTH_APP.clientId,
        client_secret: OAUTH_APP.clientSecret,
      }),
      {},
    );
    expect(inBody.status).toBe(400);
    expect(await inBody.json()).toMatchObject({ error: "invalid_client" });
    const none = await postToken(form({ grant_type: "refresh_token", refresh_token: "x" }), {});
    expect(await none.json()).toMatchObject({ error: "invalid_client" });
    const json = await postToken(JSON.stringify({ grant_type: "refresh_token" }), {
      ...auth,
      "content-type": "application/json",
    });
    expect(await json.json()).toMatchObject({ error: "invalid_request" });
  });

  it("refuses a refresh token in the query string and unknown grants", async () => {
    const tokens = await emulator.connect();
    const query = await postToken(
      "",
      auth,
      `?grant_type=refresh_token&refresh_token=${tokens.refreshToken ?? ""}`,
    );
    expect(await query.json()).toMatchObject({ error: "invalid_request" });
    const unknown = await postToken(form({ grant_type: "client_credentials" }), auth);
    expect(await unknown.json()).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("accepts the Server-to-Server grant in the query string, as Zoom's docs show it", async () => {
    const response = await postToken(
      "",
      { authorization: basic(S2S_APP.clientId, S2S_APP.clientSecret) },
      `?grant_type=account_credentials&account_id=${S2S_APP.accountId}`,
    );
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 3599, api_url: emulator.url });
    expect(body).not.toHaveProperty("refresh_token");
  });

  it("mints HS512 JWT-shaped access tokens with Zoom's claims", async () => {
    const tokens = await emulator.connect();
    expect(decodeProtectedHeader(tokens.accessToken).alg).toBe("HS512");
    expect(decodeJwt(tokens.accessToken)).toMatchObject({
      tokenType: "access_token",
      clientId: OAUTH_APP.clientId,
      userId: USER.id,
      accountId: USER.accountId,
    });
  });

  it("refuses a token for revoke in the query string", async () => {
    const response = await fetch(`${emulator.url}/oauth/revoke?token=abc`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe("emulator control API", () => {
  it("reports state, validates input and answers 404 for unknown routes", async () => {
    await emulator.connect();
    const state = await emulator.control.state();
    expect(state).toMatchObject({ tokens: { live: 1 }, counters: { token: { authorization_code: 1 } } });
    const bad = await fetch(`${emulator.url}/__emulator/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${emulator.url}/__emulator/nope`)).status).toBe(404);
    await expect(emulator.control.patchApp("missing", { scopes: [] })).rejects.toThrow(/404/);
  });

  it("answers faults on the authorize page and sends Retry-After with 429", async () => {
    await emulator.control.addFault({ target: "authorize", kind: "429", retryAfterSeconds: 9 });
    const limited = await fetch(authorizeUrl({}));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("9");
    await emulator.control.addFault({ target: "authorize", kind: "500" });
    expect((await fetch(authorizeUrl({}))).status).toBe(500);
    expect((await fetch(authorizeUrl({}))).status).toBe(200);
  });
});
