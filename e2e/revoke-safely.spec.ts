// Zoom's /oauth/revoke uninstalls the app for the Zoom user: every connection
// of that user through that Client ID dies, here and in any other workspace.
// The app revokes only when a person removes a live credential, and says so.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { getCurrentUser } from "../lib/zoom/get-current-user";
import {
  createWorkspaceWithOwner,
  signInByApi,
  testDb,
  type TestUser,
  type TestWorkspace,
} from "./support/factory";
import { E2E_EMULATOR_URL } from "./support/test-env";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

const zoomConfig = { oauthBaseUrl: E2E_EMULATOR_URL, apiBaseUrl: `${E2E_EMULATOR_URL}/v2` };

async function apiKeyFor(owner: TestUser, workspace: TestWorkspace): Promise<string> {
  const ctx = {
    user: { id: owner.id, email: owner.email, name: owner.name },
    workspace,
    role: "owner" as const,
  };
  return (await createApiKey(testDb(), ctx, { name: "node" })).key;
}

const fetchToken = (request: APIRequestContext, id: string, key: string) =>
  request.get(`/api/v1/credentials/${id}/token`, { headers: { Authorization: `Bearer ${key}` } });

/** The token API hands out a token for `id`, and Zoom accepts it. */
async function expectWorkingToken(request: APIRequestContext, id: string, key: string, zoomUserId: string) {
  const response = await fetchToken(request, id, key);
  expect(response.status()).toBe(200);
  const { access_token } = (await response.json()) as { access_token: string };
  await expect(getCurrentUser({ accessToken: access_token, config: zoomConfig })).resolves.toMatchObject({
    id: zoomUserId,
  });
  return access_token;
}

/**
 * Ours, connected here; then the same Zoom user connects the same Zoom app in
 * a workspace of someone else's. Zoom keeps only the newest authorization:
 * theirs is the live one, while ours still looks connected here.
 */
async function connectedHereAndElsewhere(page: Page, browser: Browser, name: string) {
  test.slow(); // two whole OAuth walks
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, name);
  const theirs = await connectElsewhere(browser, app);
  return { owner, workspace, app, user, id, theirs };
}

/** The same Zoom user connects the same Zoom app in a workspace of someone else's. */
async function connectElsewhere(browser: Browser, app: { clientId: string; clientSecret: string }) {
  const other = await createWorkspaceWithOwner();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByApi(page, other.owner);
  const id = await connectOAuthCredential(page, other.workspace.slug, app, "Their Zoom");
  await context.close();
  return { id, key: await apiKeyFor(other.owner, other.workspace) };
}

test("a renewal whose answer comes after a reconnect never revokes: the reconnected credential keeps working", async ({
  page,
  request,
}) => {
  test.slow(); // a whole OAuth walk, then Zoom's slow answer on top
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, "Racing Zoom");
  const key = await apiKeyFor(owner, workspace);
  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  await page.getByRole("link", { name: "Reconnect" }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/credentials/${id}/setup/connect`);

  // The token has run out; Zoom renews at once but its answer is slow.
  await testDb().credential.update({
    where: { id },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1_000) },
  });
  const before = await zoom.counters(app.clientId);
  await zoom.addFault({ target: "token", kind: "slow_answer", delayMs: 8_500, clientId: app.clientId });
  let renewalAnswered = false;
  const renewal = fetchToken(request, id, key).finally(() => (renewalAnswered = true));
  await expect
    .poll(async () => (await zoom.counters(app.clientId)).token.refresh_token)
    .toBe(before.token.refresh_token + 1);

  // Meanwhile a person reconnects.
  await page.getByRole("button", { name: /Connect to Zoom/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/credentials/${id}/setup/done`);
  expect(renewalAnswered).toBe(false);

  // Then the renewal finishes: it lost, and hands out the reconnection's token.
  const response = await renewal;
  expect(response.status()).toBe(200);
  const { access_token } = (await response.json()) as { access_token: string };
  await expect(getCurrentUser({ accessToken: access_token, config: zoomConfig })).resolves.toMatchObject({
    id: user.id,
  });
  expect((await zoom.counters(app.clientId)).revoke).toBe(before.revoke);
  await expectWorkingToken(request, id, key, user.id);
  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();
});

test("a Zoom user connected through the same app elsewhere: the dialog warns and “Remove here only” leaves Zoom alone", async ({
  page,
  request,
  browser,
}) => {
  const { workspace, app, user, id, theirs } = await connectedHereAndElsewhere(page, browser, "Our Zoom");
  // Connecting elsewhere marks ours Needs reconnect (Zoom keeps only the newest authorization). Rows
  // written before that marking reached every workspace still say Connected: the dialog must protect
  // the other connection for them too.
  await testDb().credential.update({
    where: { id },
    data: { status: "connected", lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null },
  });
  const before = await zoom.counters(app.clientId);

  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  const manage = page.getByRole("region", { name: "Manage credential" });
  await manage.getByRole("button", { name: "Disconnect" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Zoom will remove the app from ${user.email}’s Zoom account`);
  await expect(dialog).toContainText(
    `${user.email} is also connected through this Zoom app in 1 other connection (here or in another workspace): revoking at Zoom would stop it too.`,
  );
  await expect(dialog.getByRole("button", { name: "Remove and revoke at Zoom" })).toBeVisible();
  await dialog.getByRole("button", { name: "Remove here only" }).click();
  await expect(
    manage.getByText(
      `Removed here only: the stored tokens are deleted and Zoom was not asked to revoke, so ${user.email}’s other connections keep working.`,
    ),
  ).toBeVisible();

  expect((await zoom.counters(app.clientId)).revoke).toBe(before.revoke);
  expect(
    await testDb().credential.findUniqueOrThrow({
      where: { id },
      select: { status: true, accessTokenEnc: true, refreshTokenEnc: true },
    }),
  ).toEqual({ status: "revoked", accessTokenEnc: null, refreshTokenEnc: null });
  await expectWorkingToken(request, theirs.id, theirs.key, user.id);
});

test("a credential Zoom already replaced is deleted without a revoke: the live connection elsewhere keeps working", async ({
  page,
  request,
  browser,
}) => {
  const { owner, workspace, app, user, id, theirs } = await connectedHereAndElsewhere(
    page,
    browser,
    "Replaced Zoom",
  );
  const key = await apiKeyFor(owner, workspace);

  // Ours finds out at its next renewal: Zoom refuses the replaced refresh token.
  await testDb().credential.update({
    where: { id },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1_000) },
  });
  expect((await fetchToken(request, id, key)).status()).toBe(409);
  const before = await zoom.counters(app.clientId);

  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Needs reconnect", { exact: true }),
  ).toBeVisible();
  await page
    .getByRole("region", { name: "Manage credential" })
    .getByRole("button", { name: "Delete" })
    .click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(
    `Zoom is not asked to revoke: this connection is no longer live, and a revoke would remove the app from ${user.email}’s Zoom account`,
  );
  await dialog.getByRole("button", { name: "Delete credential" }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/credentials?deleted=1`);

  expect((await zoom.counters(app.clientId)).revoke).toBe(before.revoke);
  expect(await testDb().credential.findUnique({ where: { id } })).toBeNull();
  await expectWorkingToken(request, theirs.id, theirs.key, user.id);
});
