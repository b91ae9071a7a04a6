import { expect, test, type Page } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import {
  backOnConnect,
  connectAndAllow,
  connectCredential,
  credentialsPath,
  nextTo,
  OAUTH,
  startOAuthCredential,
  walkToConnect,
  walkToCredentials,
} from "./support/wizard";
import { createZoomApp } from "./support/zoom";

const lastTry = (page: Page) => page.getByRole("alert").filter({ hasText: "The last try did not connect" });

async function credentialStatus(credentialId: string): Promise<string> {
  return (
    await testDb().credential.findUniqueOrThrow({ where: { id: credentialId }, select: { status: true } })
  ).status;
}

test("Decline on Zoom's consent page: back on step 6 with a plain message, still a draft; Allow works then", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Sales Zoom");
  await walkToConnect(page, run, app);

  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("button", { name: "Decline" })).toBeVisible();
  await page.getByRole("button", { name: "Decline" }).click();

  await expect(page).toHaveURL(backOnConnect(run));
  await expect(page.getByRole("heading", { name: "Connect to Zoom" })).toBeVisible();
  await expect(lastTry(page)).toContainText(
    `You pressed Decline on Zoom's page, so nothing was connected. Press Connect to Zoom on ${OAUTH.label(OAUTH.connect)} and choose Allow.`,
  );
  // Nothing to fix on an earlier step.
  await expect(lastTry(page).getByRole("link", { name: /Go to step/ })).toHaveCount(0);
  expect(await credentialStatus(run.credentialId)).toBe("draft");

  await page.goto(run.base);
  await expect(page.getByRole("row", { name: /Sales Zoom/ })).toContainText("Draft");
  await page.getByRole("link", { name: "Continue setup of Sales Zoom" }).click();
  await expect(page).toHaveURL(run.step("connect"));

  await connectAndAllow(page, zoomUser.email);
  await expect(page).toHaveURL(run.step("done"));
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await expect(card.getByText(zoomUser.email)).toBeVisible();
  // The old error is gone once it worked.
  await expect(page.getByText("You pressed Decline")).toHaveCount(0);
  expect(await credentialStatus(run.credentialId)).toBe("connected");
});

test("a wrong Client Secret: back on step 6 with the catalogue's words and a link to step 4; the fix connects", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Webinar Zoom");
  // A well-formed secret, just not this app's.
  await walkToConnect(page, run, { clientId: app.clientId, clientSecret: "WrongSecret0123456789abcd" });

  await connectAndAllow(page, zoomUser.email);
  await expect(page).toHaveURL(backOnConnect(run));
  await expect(lastTry(page)).toContainText(
    `Zoom says the Client Secret (or the Client ID that goes with it) is wrong. The most common cause is a mix-up of the two pairs on App Credentials: the Development Client ID with the Production Client Secret, or the other way round. An app used in your own Zoom account uses the Development pair — copy its Client ID and Client Secret again, both from the same view, and paste them on ${OAUTH.label(OAUTH.credentials)}. The public Client ID ("Use Public Client OAuth") has no secret and does not work here either.`,
  );
  expect(await credentialStatus(run.credentialId)).toBe("draft");

  await lastTry(page)
    .getByRole("link", { name: `Go to ${OAUTH.label(OAUTH.credentials)}` })
    .click();
  await expect(page).toHaveURL(run.step("credentials"));
  await expect(page.getByRole("heading", { name: "Paste the Client ID and Client Secret" })).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveValue(app.clientId);
  await page.getByLabel("Client Secret").fill(app.clientSecret);
  await nextTo(page, run, OAUTH.scopes);
  await nextTo(page, run, OAUTH.connect);

  await connectAndAllow(page, zoomUser.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();
  expect(await credentialStatus(run.credentialId)).toBe("connected");
});

test("the same Zoom user again through the same app: warned on step 6; the older credential needs a reconnect", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const first = await connectCredential(page, workspace.slug, "Team A Zoom", app, zoomUser.email);

  const second = await startOAuthCredential(page, workspace.slug, "Team B Zoom");
  await walkToConnect(page, second, app);
  const warning = page
    .getByRole("status")
    .filter({ hasText: "Connecting the same Zoom user twice stops the older connection" });
  await expect(warning).toContainText(
    `This Zoom app is already connected in this workspace as: “Team A Zoom” (${zoomUser.email}).`,
  );
  await expect(warning).toContainText(
    "If you sign in to Zoom as the same person, that older connection will stop working — Zoom keeps only the newest one.",
  );

  await connectAndAllow(page, zoomUser.email);
  await expect(page).toHaveURL(second.step("done"));
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();

  await page.goto(credentialsPath(workspace.slug));
  // A row by its name's link: the admins' list also shows Team A's error, which names Team B.
  const rowOf = (name: string) =>
    page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(rowOf("Team B Zoom")).toContainText("Connected");
  await expect(rowOf("Team A Zoom")).toContainText("Needs reconnect");

  await page.getByRole("link", { name: "Team A Zoom", exact: true }).click();
  await expect(page).toHaveURL(`${first.base}/${first.credentialId}`);
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Needs reconnect", { exact: true })).toBeVisible();
  await expect(card.getByRole("alert")).toHaveText(
    `Zoom stopped this connection because ${zoomUser.email} connected the same Zoom app again in “Team B Zoom”. Zoom keeps only the newest one. Reconnect here if you need both (each needs its own Zoom app).`,
  );
  await page.getByRole("link", { name: "Reconnect" }).click();
  await expect(page).toHaveURL(first.step("connect"));
});

test("bad input on step 4: field messages, and what was typed stays", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Typo Zoom");
  await walkToCredentials(page, run);

  const clientId = page.getByLabel("Client ID");
  const clientSecret = page.getByLabel("Client Secret");

  // Empty Client ID.
  await clientSecret.fill(app.clientSecret);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Please check the highlighted fields." }),
  ).toBeVisible();
  await expect(clientId).toHaveAttribute("aria-invalid", "true");
  await expect(clientId).toHaveAccessibleDescription("Paste the Client ID from your app’s App Credentials.");
  await expect(page.getByText("Paste the Client ID from your app’s App Credentials.")).toBeVisible();
  await expect(page).toHaveURL(run.step("credentials"));

  // A secret with spaces (a copy that took a label or a line break along).
  await clientId.fill(app.clientId);
  await clientSecret.fill("abcd efgh ijkl mnop qrst");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(clientSecret).toHaveAttribute("aria-invalid", "true");
  await expect(
    page.getByText("A Client Secret has only letters and digits. Copy it again with Zoom’s copy button."),
  ).toBeVisible();
  await expect(clientSecret).toHaveAccessibleDescription(/A Client Secret has only letters and digits/);
  await expect(clientId).toHaveValue(app.clientId);
  await expect(clientId).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(run.step("credentials"));

  // Empty secret while none is saved yet.
  await clientSecret.fill("");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Paste the Client Secret from your app’s App Credentials.")).toBeVisible();
  await expect(clientId).toHaveValue(app.clientId);

  // Nothing was stored from the bad tries; the good one goes through.
  const stored = await testDb().credential.findUniqueOrThrow({
    where: { id: run.credentialId },
    select: { zoomAppId: true },
  });
  expect(stored).toEqual({ zoomAppId: null });
  expect(await testDb().zoomApp.count({ where: { workspaceId: workspace.id } })).toBe(0);
  await clientSecret.fill(app.clientSecret);
  await nextTo(page, run, OAUTH.scopes);
});
