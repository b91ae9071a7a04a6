import { expect, test } from "@playwright/test";
import { getServerToServerToken } from "../lib/zoom/get-server-to-server-token";
import { expectNoAxeViolations } from "./support/axe";
import { createWorkspaceWithOwner, signInByApi } from "./support/factory";
import { E2E_EMULATOR_URL } from "./support/test-env";
import { startWizard } from "./support/wizard";
import { createS2SApp } from "./support/zoom";

// The OAuth wizard's steps are checked in wizard-accessibility.spec.ts; these are the other two.

test("axe finds nothing on any step of the Server-to-Server wizard, nor on its error", async ({ page }) => {
  test.slow(); // axe reads every page twice: in the test's window and a phone's
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createS2SApp();
  await signInByApi(page, owner);
  const { step } = await startWizard(page, {
    slug: workspace.slug,
    method: "Server-to-Server OAuth",
    name: "Accessible automations",
    firstStep: "s2s-marketplace",
  });

  await expectNoAxeViolations(page, "s2s step 1 (s2s-marketplace)");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("s2s-credentials"));
  await expectNoAxeViolations(page, "s2s step 2 (s2s-credentials)");
  // Step 2 with its field messages showing.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Account ID")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "s2s step 2 with field errors");
  await page.getByLabel("Account ID").fill("wrong-account-id");
  await page.getByLabel("Client ID").fill(app.clientId);
  await page.getByLabel("Client Secret").fill(app.clientSecret);
  await page.getByRole("button", { name: "Next" }).click();
  for (const [index, key] of ["s2s-information", "s2s-scopes", "s2s-activate"].entries()) {
    await expect(page).toHaveURL(step(key));
    await expectNoAxeViolations(page, `s2s step ${index + 3} (${key})`);
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page).toHaveURL(step("s2s-connect"));
  await expectNoAxeViolations(page, "s2s step 6 (s2s-connect)");
  // The wrong Account ID's message, then the fix and the connected account.
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Zoom did not give a token" })).toBeVisible();
  await expectNoAxeViolations(page, "s2s step 6 with Zoom's refusal");
  await page.goto(step("s2s-credentials"));
  await page.getByLabel("Account ID").fill(app.accountId);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("s2s-information"));
  await page.goto(step("s2s-connect"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page).toHaveURL(step("done"));
  await expect(page.getByRole("region", { name: "Connection" })).toBeVisible();
  await expectNoAxeViolations(page, "s2s done");
});

test("axe finds nothing on any step of the Access Token wizard", async ({ page }) => {
  test.slow(); // axe reads every page twice: in the test's window and a phone's
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createS2SApp();
  const minted = await getServerToServerToken({
    ...app,
    config: { oauthBaseUrl: E2E_EMULATOR_URL, apiBaseUrl: `${E2E_EMULATOR_URL}/v2` },
  });
  await signInByApi(page, owner);
  const { step } = await startWizard(page, {
    slug: workspace.slug,
    method: "Access Token",
    name: "Accessible token",
    firstStep: "jwt-notice",
  });

  for (const [index, key] of ["jwt-notice", "jwt-marketplace", "jwt-token"].entries()) {
    await expect(page).toHaveURL(step(key));
    await expectNoAxeViolations(page, `access-token step ${index + 1} (${key})`);
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page).toHaveURL(step("jwt-paste"));
  await expectNoAxeViolations(page, "access-token step 4 (jwt-paste)");
  await page.getByLabel("Access token").fill("this is not a token");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/This does not look like a Zoom token\./)).toBeVisible();
  await expectNoAxeViolations(page, "access-token step 4 with a field error");
  await page.getByLabel("Access token").fill(minted.accessToken);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(step("jwt-test"));
  await expectNoAxeViolations(page, "access-token step 5 (jwt-test)");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page).toHaveURL(step("done"));
  await expect(page.getByRole("region", { name: "Connection" })).toBeVisible();
  await expectNoAxeViolations(page, "access-token done");
});
