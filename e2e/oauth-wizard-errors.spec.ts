import { expect, test, type Page } from "@playwright/test";
import { decrypt } from "../lib/crypto";
import { zoomAppSecretContext } from "../lib/crypto/encrypted-columns";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import {
  backOnConnect,
  connectAndAllow,
  connectCredential,
  credentialsPath,
  fillCredentials,
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

test("resume: the draft continues at its first unfinished step; reload and Back keep what was saved", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Resume Zoom");
  await walkToCredentials(page, run);
  await fillCredentials(page, run, app);

  // Leave for the Credentials page: the draft offers to continue at step 5.
  await page.getByRole("link", { name: "Credentials", exact: true }).click();
  await expect(page).toHaveURL(run.base);
  const row = page.getByRole("row", { name: /Resume Zoom/ });
  await expect(row).toContainText("Draft");
  await row.getByRole("link", { name: "Continue setup of Resume Zoom" }).click();
  await expect(page).toHaveURL(run.step("scopes"));
  await expect(page.getByRole("heading", { name: "Choose what the connection may do" })).toBeVisible();

  // Step 5 → Next → Back keeps the chosen scopes.
  await page.getByLabel(/List meetings/).check();
  await nextTo(page, run, OAUTH.connect);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(run.step("scopes"));
  await expect(page.getByLabel(/List meetings/)).toBeChecked();

  // Back to step 4: the Client ID is there, the secret is only "saved".
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(run.step("credentials"));
  await expect(page.getByLabel("Client ID")).toHaveValue(app.clientId);
  await expect(page.getByLabel("Client Secret")).toHaveValue("");
  await expect(page.getByLabel("Client Secret")).toHaveAccessibleDescription(
    "A Client Secret is saved (encrypted). Leave this empty to keep it.",
  );
  await expect(page.getByLabel("Client Secret")).toHaveAttribute(
    "placeholder",
    "•••••••• saved — paste a new one to replace it",
  );

  // A reload shows the same.
  await page.reload();
  await expect(page.getByLabel("Client ID")).toHaveValue(app.clientId);
  await expect(page.getByLabel("Client Secret")).toHaveValue("");
  await expect(
    page.getByText("A Client Secret is saved (encrypted). Leave this empty to keep it."),
  ).toBeVisible();
  // Next with the secret left empty keeps it.
  await nextTo(page, run, OAUTH.scopes);
  await expect(page.getByLabel(/List meetings/)).toBeChecked();
  const stored = await testDb().credential.findUniqueOrThrow({
    where: { id: run.credentialId },
    select: {
      zoomApp: { select: { id: true, developmentClientId: true, developmentClientSecretEnc: true } },
    },
  });
  expect(stored.zoomApp?.developmentClientId).toBe(app.clientId);
  // Kept, encrypted: what is stored decrypts to the secret pasted first.
  const sealed = stored.zoomApp?.developmentClientSecretEnc ?? "";
  expect(sealed).not.toContain(app.clientSecret);
  expect(decrypt(sealed, zoomAppSecretContext(stored.zoomApp?.id ?? "", "developmentClientSecretEnc"))).toBe(
    app.clientSecret,
  );
});

test("typing the URL of a later step leads to the first unfinished step", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  // Only steps 1–2 are done.
  const early = await startOAuthCredential(page, workspace.slug, "Early Zoom");
  await nextTo(page, early, "app-type");
  await nextTo(page, early, OAUTH.redirect);
  for (const later of ["done", "connect", "credentials"]) {
    await page.goto(early.step(later));
    await expect(page).toHaveURL(early.step("redirect"));
    await expect(page.getByRole("heading", { name: "Copy the redirect URL into Zoom" })).toBeVisible();
  }
  // Earlier steps stay open.
  await page.goto(early.step("marketplace"));
  await expect(page).toHaveURL(early.step("marketplace"));
  // A step that does not exist is not found.
  // Spelled by hand on purpose: the guide refuses to build an address for a step it lacks.
  const missing = await page.goto(`${early.base}/${early.credentialId}/setup/no-such-step`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
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

test("a member cannot see another member's credential; an admin can", async ({ browser }) => {
  const { workspace } = await createWorkspaceWithOwner();
  const m1 = await addMember(workspace, "member", "Mia Member");
  const m2 = await addMember(workspace, "member", "Max Member");
  const admin = await addMember(workspace, "admin", "Ada Admin");
  const as = async (user: typeof m1) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByApi(page, user);
    return page;
  };

  const mia = await as(m1);
  const run = await startOAuthCredential(mia, workspace.slug, "Mia's Zoom");
  await nextTo(mia, run, "app-type");
  await mia.goto(run.base);
  await expect(mia.getByRole("row", { name: /Mia's Zoom/ })).toContainText("Draft");

  const max = await as(m2);
  for (const url of [run.step("app-type"), run.step("marketplace"), `${run.base}/${run.credentialId}`]) {
    const response = await max.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(max.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(max.getByText("Mia's Zoom")).toHaveCount(0);
  }
  await max.goto(run.base);
  await expect(max.getByRole("heading", { name: "Credentials", exact: true })).toBeVisible();
  await expect(max.getByText("No Zoom credentials yet")).toBeVisible();
  await expect(max.getByText("Mia's Zoom")).toHaveCount(0);

  const ada = await as(admin);
  await ada.goto(run.base);
  const row = ada.getByRole("row", { name: /Mia's Zoom/ });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("Mia Member");
  await ada.getByRole("link", { name: "Mia's Zoom", exact: true }).click();
  await expect(ada).toHaveURL(`${run.base}/${run.credentialId}`);
  await expect(ada.getByRole("heading", { name: "Mia's Zoom", level: 1 })).toBeVisible();
  await expect(ada.getByText("Owned by Mia Member.")).toBeVisible();

  for (const page of [mia, max, ada]) await page.context().close();
});
