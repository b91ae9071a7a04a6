import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SignJWT } from "jose";
import { credentialRow, serverNextAuthSecret } from "./support/crafted-requests";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { E2E_APP_URL } from "./support/test-env";
import { backOnConnect, startOAuthCredential, walkToConnect, type WizardRun } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

// The Zoom callback is a public URL: whatever arrives there must not store
// tokens on a credential unless it is the handshake this browser started.

const CONNECT_COOKIE = "zcw-zoom-connect";

/** A signed-in owner on Zoom's consent page for a new credential (the app requires PKCE). */
async function onConsentPage(page: Page) {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Safe Zoom");
  await walkToConnect(page, run, app);
  const authorize = page.waitForRequest((request) => request.url().includes("/oauth/authorize"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  const before = await credentialRow(run.credentialId);
  expect(before?.status).toBe("draft");
  return { owner, workspace, app, user, run, before, authorizeUrl: new URL((await authorize).url()) };
}

async function connectCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === CONNECT_COOKIE);
  if (!cookie) throw new Error("Connect to Zoom set no connect cookie");
  return cookie;
}

async function setConnectCookie(page: Page, value: string) {
  const { name, domain, path, httpOnly, sameSite } = await connectCookie(page);
  await page.context().addCookies([{ name, value, domain, path, httpOnly, sameSite, secure: false }]);
}

const codesExchanged = async (clientId: string) => (await zoom.counters(clientId)).token.authorization_code;

async function expectConnectExpiredPage(page: Page) {
  await expect(page).toHaveURL(`${E2E_APP_URL}/connect-expired`);
  await expect(page.getByRole("heading", { name: "The connection did not finish" })).toBeVisible();
  await expect(page.getByText("Nothing was changed.")).toBeVisible();
}

async function expectUnchanged(run: WizardRun, before: unknown) {
  expect(await credentialRow(run.credentialId)).toEqual(before);
}

test("the handshake really sends PKCE: an S256 challenge goes to Zoom and the app's verifier is accepted", async ({
  page,
}) => {
  const { app, run, authorizeUrl } = await onConsentPage(page);
  expect(authorizeUrl.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
  await page.getByRole("button", { name: "Allow" }).click();
  // The app requires PKCE: the token exchange passes only with the verifier of that challenge.
  await expect(page).toHaveURL(run.step("done"));
  expect(await codesExchanged(app.clientId)).toBe(1);
  expect((await credentialRow(run.credentialId))?.status).toBe("connected");
});

test("a handshake without a code challenge is refused by a PKCE-requiring app and stores nothing", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "No PKCE Zoom");
  await walkToConnect(page, run, app);
  const before = await credentialRow(run.credentialId);
  // The authorize request as a client without PKCE would send it.
  await page.route("**/oauth/authorize?**", (route) => {
    const url = new URL(route.request().url());
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    return route.continue({ url: url.toString() });
  });
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByText("This app requires PKCE: code_challenge is missing.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Allow" })).toHaveCount(0);
  expect(await codesExchanged(app.clientId)).toBe(0);
  await expectUnchanged(run, before);
});

test("a callback with a wrong state: back on the connect step with a plain message, the code is never exchanged, no tokens stored", async ({
  page,
}) => {
  const { app, run, before } = await onConsentPage(page);
  // Zoom's redirect back, as a callback from another browser's handshake would arrive.
  // (Playwright does not route redirected requests: rewrite the redirect itself.)
  await page.route("**/oauth/authorize", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers()["location"]!);
    expect(location.searchParams.get("code")).toBeTruthy();
    location.searchParams.set("state", "forged-state-from-another-browser");
    await route.fulfill({ response, headers: { ...response.headers(), location: location.toString() } });
  });
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(backOnConnect(run));
  await expect(page.getByRole("alert").filter({ hasText: "The last try did not connect" })).toContainText(
    "The connection did not finish",
  );
  expect(await codesExchanged(app.clientId)).toBe(0);
  const after = await credentialRow(run.credentialId);
  // Only the message of the failed try is new; tokens, identity, status and version are as before.
  expect({
    ...after,
    lastErrorCode: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    updatedAt: null,
  }).toEqual({ ...before, lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null, updatedAt: null });
  expect(after?.lastErrorCode).toBe("handshake");
});

test("a callback without the connect cookie lands on a plain page and changes nothing", async ({ page }) => {
  const { app, run, before } = await onConsentPage(page);
  await page.context().clearCookies({ name: CONNECT_COOKIE });
  await page.getByRole("button", { name: "Allow" }).click();
  await expectConnectExpiredPage(page);
  expect(await codesExchanged(app.clientId)).toBe(0);
  await expectUnchanged(run, before);
});

const forgeries: [string, (real: string, claims: Record<string, string>) => Promise<string> | string][] = [
  [
    "the attacker's own, validly signed cookie with a victim's ids pasted into its payload",
    (real, claims) => {
      const [header, , signature] = real.split(".");
      const payload = Buffer.from(JSON.stringify({ ...claims, exp: 4102444800 })).toString("base64url");
      return `${header}.${payload}.${signature}`;
    },
  ],
  [
    "a cookie for a victim's credential signed with a guessed key",
    (_real, claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setExpirationTime("15m")
        .sign(new TextEncoder().encode("a guessed key that is long enough to sign")),
  ],
  [
    "an unsigned token for a victim's credential",
    (_real, claims) =>
      `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`,
  ],
];

for (const [forgery, forge] of forgeries) {
  test(`a forged connect cookie (${forgery}) lands on a plain page and changes nothing`, async ({ page }) => {
    // The victim: another workspace's OAuth credential, not yet connected.
    const victim = await createWorkspaceWithOwner();
    const victimCredential = await testDb().credential.create({
      data: {
        workspaceId: victim.workspace.id,
        ownerId: victim.owner.id,
        name: "Victim Zoom",
        method: "oauth",
      },
    });
    const { app, run, before } = await onConsentPage(page);
    const claims = {
      cid: victimCredential.id,
      wid: victim.workspace.id,
      uid: victim.owner.id,
      slug: victim.workspace.slug,
      uname: victim.owner.name,
    };
    await setConnectCookie(page, await forge((await connectCookie(page)).value, claims));
    await page.getByRole("button", { name: "Allow" }).click();
    await expectConnectExpiredPage(page);
    expect(await codesExchanged(app.clientId)).toBe(0);
    await expectUnchanged(run, before);
    expect(await credentialRow(victimCredential.id)).toEqual(victimCredential);
  });
}

test("an expired connect cookie — validly signed, its 15 minutes over — lands on a plain page and changes nothing", async ({
  page,
}) => {
  const { owner, workspace, app, run, before } = await onConsentPage(page);
  const key = createHash("sha256").update(`zoom-connect:${serverNextAuthSecret()}`).digest();
  const signed = (issuedAt: number) =>
    new SignJWT({
      cid: run.credentialId,
      wid: workspace.id,
      uid: owner.id,
      slug: workspace.slug,
      uname: owner.name,
    })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 15 * 60)
      .sign(key);
  const now = Math.floor(Date.now() / 1000);
  // The browser would drop it; a crafted request keeps sending it.
  await setConnectCookie(page, await signed(now - 16 * 60));
  await page.getByRole("button", { name: "Allow" }).click();
  await expectConnectExpiredPage(page);
  expect(await codesExchanged(app.clientId)).toBe(0);
  await expectUnchanged(run, before);

  // The same cookie within its 15 minutes is accepted: only the expiry was refused.
  await page.goto(run.step("connect"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  await setConnectCookie(page, await signed(now));
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(run.step("done"));
  expect((await credentialRow(run.credentialId))?.status).toBe("connected");
});
