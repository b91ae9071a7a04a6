import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { createWorkspaceWithOwner, signInByApi } from "./support/factory";
import {
  backOnConnect,
  connectAndAllow,
  credentialsPath,
  fillCredentials,
  next,
  nextTo,
  OAUTH,
  startOAuthCredential,
  walkToCredentials,
  type WizardRun,
} from "./support/wizard";
import { createZoomApp } from "./support/zoom";
import { oauthGuide } from "../lib/guides/oauth-guide";
import { nextStepKey } from "../lib/guides/progress";
import { wizardStepUrl } from "../lib/guides/step-url";
import type { Guide } from "../lib/guides/types";

// The guide's steps up to and with `last`, in order.
const stepsUpTo = (last: string) => oauthGuide.keys.slice(0, oauthGuide.keys.indexOf(last as never) + 1);

async function expectStep(page: Page, run: WizardRun, key: (typeof oauthGuide.keys)[number]): Promise<void> {
  await expect(page).toHaveURL(run.step(key));
  await expect(page.getByText(OAUTH.count(key))).toBeVisible();
  await expectNoAxeViolations(page, `${OAUTH.label(key)} (${key})`);
}

test("axe finds nothing on the new-credential page and on OAuth steps 1–4", async ({ page }) => {
  test.slow(); // axe reads every page twice: in the test's window and a phone's
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);

  await page.goto(`${credentialsPath(workspace.slug)}/new`);
  await expect(page.getByRole("heading", { name: "New Zoom credential" })).toBeVisible();
  await expectNoAxeViolations(page, "the new-credential page");
  // The same page showing a field error.
  await page.getByRole("button", { name: "Start setup" }).click();
  await expect(page.getByText("Use at least 2 characters for the name", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "the new-credential page with a field error");

  const run = await startOAuthCredential(page, workspace.slug, "Accessible Zoom");
  for (const key of stepsUpTo(OAUTH.credentials)) {
    if (key !== OAUTH.first) await next(page, run.step(key));
    await expectStep(page, run, key);
  }
  // The keys step with its field messages showing.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Paste the Client ID from your app’s App Credentials.")).toBeVisible();
  await expectNoAxeViolations(page, `${OAUTH.label(OAUTH.credentials)} with field errors`);
});

test("axe finds nothing on OAuth steps 5–7, and on step 6 after a declined try", async ({ page }) => {
  test.slow(); // axe reads every page twice: in the test's window and a phone's
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);

  const run = await startOAuthCredential(page, workspace.slug, "Accessible Zoom");
  await walkToCredentials(page, run);
  await fillCredentials(page, run, app);
  await expectStep(page, run, OAUTH.scopes);
  await nextTo(page, run, OAUTH.connect);
  await expectStep(page, run, OAUTH.connect);
  // The connect step showing the error of a declined try.
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page).toHaveURL(backOnConnect(run));
  await expect(page.getByRole("alert").filter({ hasText: "The last try did not connect" })).toBeVisible();
  await expectNoAxeViolations(page, `${OAUTH.label(OAUTH.connect)} after Decline`);
  await connectAndAllow(page, zoomUser.email);
  await expect(page).toHaveURL(run.step(OAUTH.done));
  await expectStep(page, run, OAUTH.done);
});

/**
 * Tab until the element with this role and name has the focus (a bounded
 * number of presses), the way a keyboard user looks for a control.
 */
async function tabTo(
  page: Page,
  role: Parameters<Page["getByRole"]>[0],
  name: string | RegExp,
  maxPresses = 40,
): Promise<void> {
  const target = page.getByRole(role, typeof name === "string" ? { name, exact: true } : { name });
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${role} "${String(name)}" never got the focus after ${maxPresses} presses of Tab`);
}

async function pressOn(
  page: Page,
  role: Parameters<Page["getByRole"]>[0],
  name: string | RegExp,
  key = "Enter",
): Promise<void> {
  await tabTo(page, role, name);
  await page.keyboard.press(key);
}

test("the whole wizard can be finished with the keyboard alone", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const base = credentialsPath(workspace.slug);

  await page.goto(base);
  await pressOn(page, "link", "New Zoom credential");
  await expect(page).toHaveURL(`${base}/new`);
  await tabTo(page, "radio", "OAuth");
  await expect(page.getByRole("radio", { name: "OAuth", exact: true })).toBeChecked();
  await tabTo(page, "textbox", "Credential name");
  await page.keyboard.type("Keyboard Zoom");
  await pressOn(page, "button", "Start setup");

  const setup = new RegExp(`${base}/(c[a-z0-9]+)/setup/${OAUTH.first}$`);
  await expect(page).toHaveURL(setup);
  const credentialId = setup.exec(page.url())![1]!;
  const step = (key: string) => wizardStepUrl(workspace.slug, credentialId, oauthGuide as Guide, key);

  const before = stepsUpTo(OAUTH.credentials);
  for (const [index, to] of before.slice(1).entries()) {
    await expect(page).toHaveURL(step(before[index]!));
    await pressOn(page, "button", "Next");
    await expect(page).toHaveURL(step(to));
  }

  await expect(page.getByRole("heading", { name: "Paste the Client ID and Client Secret" })).toBeVisible();
  await tabTo(page, "textbox", "Client ID");
  await page.keyboard.type(app.clientId);
  // A password input has no textbox role: find it by its label, reach it with Tab.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Client Secret")).toBeFocused();
  await page.keyboard.type(app.clientSecret);
  await pressOn(page, "button", "Next");
  await expect(page).toHaveURL(step(nextStepKey(oauthGuide, OAUTH.credentials)));

  await expect(page.getByRole("heading", { name: "Choose what the connection may do" })).toBeVisible();
  const listMeetings = page.getByRole("checkbox", { name: /List meetings/ });
  await pressOn(page, "checkbox", /List meetings/, "Space");
  await expect(listMeetings).toBeChecked();
  await pressOn(page, "button", "Next");
  await expect(page).toHaveURL(step(nextStepKey(oauthGuide, OAUTH.scopes)));

  await pressOn(page, "button", "Connect to Zoom");
  // Zoom's (emulated) consent page.
  await expect(page.getByText(zoomUser.email)).toBeVisible();
  await pressOn(page, "button", "Allow");

  await expect(page).toHaveURL(step("done"));
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await expect(card.getByRole("list", { name: "Granted scopes" })).toContainText(
    "meeting:read:list_meetings",
  );
  await pressOn(page, "button", "Test connection");
  await expect(card.getByText(`It works: Zoom answered as Dana Zoomer (${zoomUser.email}).`)).toBeVisible();
});

test("screenshots of every OAuth step for the docs", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner("Acme Marketing");
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  // Test runs write next to their other output; UPDATE_SCREENSHOTS=1 refreshes the ones in docs/.
  const folder =
    process.env.UPDATE_SCREENSHOTS === "1"
      ? path.resolve("docs", "screenshots")
      : test.info().outputPath("screenshots");
  mkdirSync(folder, { recursive: true });

  const run = await startOAuthCredential(page, workspace.slug, "Marketing Zoom");
  const shoot = async (key: (typeof oauthGuide.keys)[number]) => {
    const index = oauthGuide.keys.indexOf(key);
    await expect(page).toHaveURL(run.step(key));
    await expect(page.getByText(OAUTH.count(key))).toBeVisible();
    // Every illustration drawn before the picture is taken.
    await page.waitForFunction(() =>
      Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
    );
    await page.screenshot({ path: path.join(folder, `oauth-${index + 1}-${key}.png`), fullPage: true });
  };
  for (const key of stepsUpTo(OAUTH.credentials)) {
    if (key !== OAUTH.first) await next(page, run.step(key));
    await shoot(key);
  }
  await fillCredentials(page, run, app);
  await page.getByLabel(/List meetings/).check();
  await shoot(OAUTH.scopes);
  await nextTo(page, run, OAUTH.connect);
  await shoot(OAUTH.connect);
  await connectAndAllow(page, zoomUser.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();
  await shoot(OAUTH.done);
});
