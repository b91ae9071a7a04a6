import { describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { authorizeOutcome, authorizePage } from "./authorize-helpers";
import { OAUTH_APP, REDIRECT_URI, USER, setupZoomEmulator } from "./fixture";

const emulator = setupZoomEmulator();
const outcome = (params: Parameters<typeof authorizeOutcome>[1] = {}) =>
  authorizeOutcome(emulator.url, params);
const page = (clientId: string, redirectUri?: string) => authorizePage(emulator.url, clientId, redirectUri);

describe("pages that stay on Zoom", () => {
  it("a private app refuses users of other accounts: You cannot authorize the app", async () => {
    await emulator.control.registerUser({
      ...USER,
      id: "outsider",
      email: "o@other.example",
      accountId: "acct-2",
    });
    await emulator.control.signIn("outsider", OAUTH_APP.clientId);
    const { status, html } = await page(OAUTH_APP.clientId);
    expect(status).toBe(400);
    expect(html).toContain("<h1>You cannot authorize the app</h1>");
    // Once published, anyone may authorize it.
    await emulator.control.patchApp(OAUTH_APP.clientId, { published: true });
    expect(await outcome()).toBe("code");
  });

  it("an Admin-managed app opened by a member: An account admin is required", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { managedBy: "admin" });
    expect(await outcome()).toBe("code");
    await emulator.control.registerUser({ ...USER, role: "member" });
    expect((await page(OAUTH_APP.clientId)).html).toContain(
      "<h1>An account admin is required to install this type of app</h1>",
    );
  });

  it("pre-approval required by the account, until an admin approves the app", async () => {
    await emulator.control.registerUser({ ...USER, role: "member" });
    await emulator.control.registerAccount({ id: USER.accountId, preApprovalRequired: true });
    expect((await page(OAUTH_APP.clientId)).html).toContain(
      "<h1>This app requires pre-approval by your account admin</h1>",
    );
    await emulator.control.registerAccount({
      id: USER.accountId,
      preApprovalRequired: true,
      approvedApps: [OAUTH_APP.clientId],
    });
    expect(await outcome()).toBe("code");
  });

  it("4700 and 4717 pages print Zoom's code with its separator", async () => {
    expect((await page(OAUTH_APP.clientId, "https://not-listed.example/cb")).html).toContain(
      "Invalid redirect (4,700)",
    );
    await emulator.control.patchApp(OAUTH_APP.clientId, { disabled: true });
    expect((await page(OAUTH_APP.clientId)).html).toContain("The app has been disabled (4,717)");
  });
});

describe("plain http://localhost redirects", () => {
  const LOCALHOST = "http://localhost:3000/api/auth/callback/zoom";
  it("are accepted by default; the switch refuses them with 4700 and 127.0.0.1 always passes", async () => {
    const both = [REDIRECT_URI, LOCALHOST];
    await emulator.control.patchApp(OAUTH_APP.clientId, { redirectUrls: both, allowList: both });
    expect(await outcome({ redirectUri: LOCALHOST })).toBe("code");
    await emulator.control.settings({ refuseLocalhost: true });
    expect(await outcome({ redirectUri: LOCALHOST })).toBe("Error 4700: Invalid redirect");
    expect(await outcome()).toBe("code");
    await emulator.control.settings({ refuseLocalhost: false });
    await emulator.control.patchApp(OAUTH_APP.clientId, { refuseLocalhost: true });
    expect(await outcome({ redirectUri: LOCALHOST })).toBe("Error 4700: Invalid redirect");
  });
});

describe("missing scopes", () => {
  const me = (accessToken: string) =>
    fetch(`${emulator.url}/v2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });

  it.each([4700, 4711, 104] as const)("answer with code %i, listing both names", async (code) => {
    await emulator.control.patchApp(OAUTH_APP.clientId, {
      scopes: ["meeting:read:list_meetings"],
      missingScopeCode: code,
    });
    const response = await me((await emulator.connect()).accessToken);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code,
      message: "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]",
    });
  });

  it("a user token does not pass with the :admin scope", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { scopes: ["user:read:user:admin"] });
    expect((await me((await emulator.connect()).accessToken)).status).toBe(400);
  });

  it("after adding the scope, refresh keeps the old grant; a new authorization gets it", async () => {
    await emulator.control.patchApp(OAUTH_APP.clientId, { scopes: ["meeting:read:list_meetings"] });
    const tokens = await emulator.connect();
    await emulator.control.patchApp(OAUTH_APP.clientId, {
      scopes: ["meeting:read:list_meetings", "user:read:user"],
    });
    const refreshed = await refreshTokens({
      ...OAUTH_APP,
      refreshToken: tokens.refreshToken ?? "",
      config: emulator.config,
    });
    expect(refreshed.scopes).toEqual(["meeting:read:list_meetings"]);
    expect((await me(refreshed.accessToken)).status).toBe(400);
    const fresh = await emulator.connect();
    await expect(
      getCurrentUser({ accessToken: fresh.accessToken, config: emulator.config }),
    ).resolves.toMatchObject({ id: USER.id });
  });
});
