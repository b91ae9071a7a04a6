import { expect, test, type Page } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { s2sGuide } from "../lib/guides/s2s-guide";
import { stepLabel } from "../lib/guides/progress";
import { nextThrough } from "./support/wizard";
import { createS2SApp, zoom } from "./support/zoom";

/** "Go to step 2": the link the app's words give to a step of this guide. */
const goTo = (key: (typeof s2sGuide.keys)[number]) => `Go to ${stepLabel(s2sGuide, key)}`;

async function startS2S(page: Page, slug: string, name: string) {
  await page.goto(`/w/${slug}/credentials/new`);
  await page.getByRole("radio", { name: "Server-to-Server OAuth", exact: true }).check();
  await page.getByLabel("Credential name").fill(name);
  await page.getByRole("button", { name: "Start setup" }).click();
  const match = new RegExp(`/w/${slug}/credentials/(c[a-z0-9]+)/setup/s2s-marketplace$`);
  await expect(page).toHaveURL(match);
  const id = match.exec(page.url())![1]!;
  return { id, step: (key: string) => `/w/${slug}/credentials/${id}/setup/${key}` };
}

test("the Server-to-Server wizard connects, reuses its token, and points a wrong Account ID back to step 2", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createS2SApp();
  await signInByApi(page, owner);
  const { id, step } = await startS2S(page, workspace.slug, "Account automations");

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("s2s-credentials"));
  await page.getByLabel("Account ID").fill("wrong-account-id");
  await page.getByLabel("Client ID").fill(app.clientId);
  await page.getByLabel("Client Secret").fill(app.clientSecret);
  await page.getByRole("button", { name: "Next" }).click();
  for (const key of ["s2s-information", "s2s-scopes", "s2s-activate"]) {
    await expect(page).toHaveURL(step(key));
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page).toHaveURL(step("s2s-connect"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  const problem = page.getByRole("alert").filter({ hasText: "Zoom did not give a token" });
  await expect(problem).toContainText("Account ID");
  await problem.getByRole("link", { name: goTo("s2s-credentials") }).click();
  await expect(page).toHaveURL(step("s2s-credentials"));
  await expect(page.getByLabel("Account ID")).toHaveValue("wrong-account-id");

  await page.getByLabel("Account ID").fill(app.accountId);
  await page.getByRole("button", { name: "Next" }).click();
  await page.goto(step("s2s-connect"));
  const before = await zoom.counters(app.clientId);
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page).toHaveURL(step("done"));
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText(user.email)).toBeVisible();
  await expect(card.getByText("Server-to-Server OAuth")).toBeVisible();

  // Testing twice reuses the cached token: no new account_credentials grant.
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByText(/It works/)).toBeVisible();
  const after = await zoom.counters(app.clientId);
  expect(after.token.account_credentials - before.token.account_credentials).toBe(1);

  const stored = await testDb().credential.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      zoomApp: { select: { kind: true, accountId: true, developmentClientId: true } },
      refreshTokenEnc: true,
      accessTokenEnc: true,
      zoomAccountId: true,
    },
  });
  expect(stored).toMatchObject({
    status: "connected",
    zoomApp: { kind: "s2s", accountId: app.accountId, developmentClientId: app.clientId },
    refreshTokenEnc: null,
    zoomAccountId: app.accountId,
  });
  expect(stored.accessTokenEnc).toMatch(/^v1\./);
});

test("an app that is not activated gets a message pointing to the Activation step", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createS2SApp({ activated: false });
  await signInByApi(page, owner);
  const { step } = await startS2S(page, workspace.slug, "Not yet active");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Account ID").fill(app.accountId);
  await page.getByLabel("Client ID").fill(app.clientId);
  await page.getByLabel("Client Secret").fill(app.clientSecret);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("s2s-information"));
  await nextThrough(page, s2sGuide, step, "s2s-information", "s2s-connect");
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  const problem = page.getByRole("alert").filter({ hasText: "Zoom did not give a token" });
  await expect(problem).toContainText(/activat/i);
  await expect(problem.getByRole("link", { name: goTo("s2s-activate") })).toBeVisible();
});
