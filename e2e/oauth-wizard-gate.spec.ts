import { expect, test } from "@playwright/test";
import { decrypt } from "../lib/crypto";
import { zoomAppSecretContext } from "../lib/crypto/encrypted-columns";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { fillCredentials, nextTo, OAUTH, startOAuthCredential, walkToCredentials } from "./support/wizard";
import { createZoomApp } from "./support/zoom";

// The OAuth wizard's gate: where a person lands (the first unfinished step, whatever URL they
// type), what a reload or Back keeps, and whose drafts they may open at all.

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
