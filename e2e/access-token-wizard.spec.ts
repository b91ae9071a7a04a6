import { expect, test, type Page } from "@playwright/test";
import { SignJWT } from "jose";
import { getServerToServerToken } from "../lib/zoom/get-server-to-server-token";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { createS2SApp } from "./support/zoom";
import { E2E_EMULATOR_URL } from "./support/test-env";
import { accessTokenGuide } from "../lib/guides/access-token-guide";
import { stepLabel } from "../lib/guides/progress";

const DAY = 24 * 60 * 60 * 1000;

/** A legacy JWT-app token as Zoom's own examples made them: HS256, iss = API key, exp in MILLISECONDS. */
async function jwtAppToken(expMs: number) {
  return new SignJWT({ iss: "LegacyApiKey123", exp: expMs })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode("legacy-api-secret"));
}

async function toPasteStep(page: Page, slug: string) {
  await page.goto(`/w/${slug}/credentials/new`);
  await page.getByRole("radio", { name: "Access Token", exact: true }).check();
  await page.getByLabel("Credential name").fill("Old JWT token");
  await page.getByRole("button", { name: "Start setup" }).click();
  const match = new RegExp(`/w/${slug}/credentials/(c[a-z0-9]+)/setup/jwt-notice$`);
  await expect(page).toHaveURL(match);
  const id = match.exec(page.url())![1]!;
  const step = (key: string) => `/w/${slug}/credentials/${id}/setup/${key}`;
  await expect(page.getByRole("heading", { name: "Before you start: JWT apps were retired" })).toBeVisible();
  await expect(page.getByText(/8 September 2023/)).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("jwt-marketplace"));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("jwt-token"));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("jwt-paste"));
  return { id, step };
}

test("bad pastes get plain messages: not a token, far too long, expired", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  const { step } = await toPasteStep(page, workspace.slug);
  const field = page.getByLabel("Access token");

  await field.fill("this is not a token");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/This does not look like a Zoom token\./)).toBeVisible();
  await expect(page).toHaveURL(step("jwt-paste"));

  await field.fill("a".repeat(100_000));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("That is far longer than a Zoom token. Copy only the token.")).toBeVisible();

  await field.fill(await jwtAppToken(Date.now() - DAY));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/This token expired on/)).toBeVisible();
  await expect(page).toHaveURL(step("jwt-paste"));
});

test("a JWT-app token with exp in milliseconds is read, and Zoom's refusal is explained", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  const { step } = await toPasteStep(page, workspace.slug);
  const expiresAt = Date.now() + 30 * DAY;
  await page.getByLabel("Access token").fill(await jwtAppToken(expiresAt));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("jwt-test"));
  const token = page.getByRole("region", { name: "Your token" });
  await expect(token).toContainText("Legacy JWT-app token");
  await expect(token).toContainText("LegacyApiKey123");
  await expect(token).toContainText("written in milliseconds");
  await expect(token).toContainText(String(new Date(expiresAt).getUTCFullYear()));
  await page.getByRole("button", { name: "Test connection" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Zoom no longer accepts tokens from JWT apps" });
  await expect(refusal).toBeVisible();
  // In this wizard's own steps and buttons: it has no "Connect to Zoom", and its last step is "Connected".
  await expect(refusal).toContainText(
    `paste a new token on ${stepLabel(accessTokenGuide, "jwt-paste")}, then press Test connection on ${stepLabel(accessTokenGuide, "jwt-test")}`,
  );
  await expect(refusal).not.toContainText("Connect to Zoom");
  await expect(page).toHaveURL(step("jwt-test"));
});

test("a working token is tested against /users/me and saved with its expiry", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createS2SApp();
  // A real (emulated) Zoom OAuth access token to paste.
  const minted = await getServerToServerToken({
    ...app,
    config: { oauthBaseUrl: E2E_EMULATOR_URL, apiBaseUrl: `${E2E_EMULATOR_URL}/v2` },
  });
  await signInByApi(page, owner);
  const { id, step } = await toPasteStep(page, workspace.slug);
  // Pasted as people copy it: with "Bearer " and a line break in the middle.
  await page
    .getByLabel("Access token")
    .fill(`Bearer ${minted.accessToken.slice(0, 40)}\n${minted.accessToken.slice(40)}`);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("jwt-test"));
  await expect(page.getByRole("region", { name: "Your token" })).toContainText("OAuth access token");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page).toHaveURL(step("done"));
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText(user.email)).toBeVisible();
  await expect(card.getByText("Token expires")).toBeVisible();
  // An hour-long token is within the 7-day warning window.
  await expect(card.getByText("Expiring soon", { exact: true })).toBeVisible();
  const stored = await testDb().credential.findUniqueOrThrow({
    where: { id },
    select: { status: true, accessTokenEnc: true, accessTokenExpiresAt: true },
  });
  expect(stored.status).toBe("expiring_soon");
  expect(stored.accessTokenEnc).not.toContain(minted.accessToken.slice(0, 20));
  expect(Math.abs(stored.accessTokenExpiresAt!.getTime() - minted.expiresAt.getTime())).toBeLessThan(5_000);
});

test("the retirement notice switches the same credential to the Server-to-Server wizard", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  await page.goto(`/w/${workspace.slug}/credentials/new`);
  await page.getByRole("radio", { name: "Access Token", exact: true }).check();
  await page.getByLabel("Credential name").fill("Switch me");
  await page.getByRole("button", { name: "Start setup" }).click();
  const match = new RegExp(`/w/${workspace.slug}/credentials/(c[a-z0-9]+)/setup/jwt-notice$`);
  await expect(page).toHaveURL(match);
  const id = match.exec(page.url())![1]!;
  await page.getByRole("button", { name: "Use Server-to-Server OAuth instead" }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/credentials/${id}/setup/s2s-marketplace`);
  await expect(page.getByRole("heading", { name: "Create a Server-to-Server OAuth app" })).toBeVisible();
});

test(
  "a new token pasted over a connected one is tested first, and the token API serves it at once",
  { tag: "@postgres" },
  async ({ page, request }) => {
    const { owner, workspace } = await createWorkspaceWithOwner();
    const { app } = await createS2SApp();
    // Two live Zoom access tokens of one account (a Server-to-Server app may hold several).
    const config = { oauthBaseUrl: E2E_EMULATOR_URL, apiBaseUrl: `${E2E_EMULATOR_URL}/v2` };
    const first = (await getServerToServerToken({ ...app, config })).accessToken;
    const second = (await getServerToServerToken({ ...app, config })).accessToken;
    await signInByApi(page, owner);
    const { id, step } = await toPasteStep(page, workspace.slug);
    await page.getByLabel("Access token").fill(first);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page).toHaveURL(step("done"));

    const { key } = await createApiKey(
      testDb(),
      { user: { ...owner, id: owner.id }, workspace, role: "owner" },
      { name: "node" },
    );
    const served = async () => {
      const response = await request.get(`/api/v1/credentials/${id}/token`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    };
    expect(await served()).toBe(first);
    const before = await testDb().credential.findUniqueOrThrow({ where: { id }, select: { version: true } });

    // Reconnect → the paste step. A token Zoom refuses is not saved; the working one stays served.
    await page.goto(`/w/${workspace.slug}/credentials/${id}`);
    await page.getByRole("link", { name: "Reconnect" }).click();
    await expect(page).toHaveURL(step("jwt-paste"));
    await page.getByLabel("Access token").fill(await jwtAppToken(Date.now() + 30 * DAY));
    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByText(
        /^This token was not saved, and the one saved before stays in use\. Zoom did not accept it/,
      ),
    ).toBeVisible();
    await expect(page).toHaveURL(step("jwt-paste"));
    expect(await served()).toBe(first);

    // A token Zoom accepts: tested on Next, then served at once — not the old one from memory.
    await page.getByLabel("Access token").fill(second);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(step("done"));
    expect(await served()).toBe(second);
    const after = await testDb().credential.findUniqueOrThrow({
      where: { id },
      select: { version: true, status: true },
    });
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.status).toBe("expiring_soon");
  },
);
