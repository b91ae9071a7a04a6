import { expect, test, type Page } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import { connectAndAllow, startOAuthCredential, walkToConnect } from "./support/wizard";
import { E2E_EMULATOR_URL } from "./support/test-env";
import { createZoomApp, zoom } from "./support/zoom";

const MEANT_FOR = "Zoom email this connection is for (optional)";
const wrongUser = (page: Page) =>
  page.getByRole("status").filter({ hasText: "Connected as another Zoom user" });

/** The app's Zoom user, and a colleague in the same Zoom account the browser is signed in as. */
async function appWithColleague() {
  const { app, user } = await createZoomApp();
  const colleague = {
    id: unique("zu"),
    email: `${unique("bo")}@zoom-user.example`,
    firstName: "Bo",
    lastName: "Colleague",
    accountId: user.accountId,
  };
  await zoom.registerUser(colleague);
  await zoom.signIn(colleague.id, app.clientId);
  return { app, meant: user, colleague };
}

test("Zoom comes back as someone else than meant: said plainly, then signed out and connected again as the right person", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, meant, colleague } = await appWithColleague();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Meant Zoom");
  await walkToConnect(page, run, app);

  // A typo is caught before Zoom is opened.
  await page.getByLabel(MEANT_FOR).fill("dana@");
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(
    page.getByText("Type the whole Zoom email, like dana@example.com, or leave it empty."),
  ).toBeVisible();
  await expect(page).toHaveURL(run.step("connect"));

  await page.getByLabel(MEANT_FOR).fill(`  ${meant.email.toUpperCase()} `);
  await connectAndAllow(page, colleague.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(wrongUser(page)).toContainText(
    `You signed in to Zoom as ${colleague.email}, but this connection is meant for ${meant.email}.`,
  );
  await expect(wrongUser(page).getByRole("link", { name: "sign out of Zoom" })).toHaveAttribute(
    "href",
    `${E2E_EMULATOR_URL}/signout`,
  );
  // It works all the same: kept, not refused.
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();

  // Signed out of Zoom and in again as the right person (the emulator's signed-in user).
  await zoom.signIn(meant.id, app.clientId);
  await wrongUser(page)
    .getByRole("link", { name: `connect again as ${meant.email}` })
    .click();
  await expect(page).toHaveURL(run.step("connect"));
  await expect(page.getByLabel(MEANT_FOR)).toHaveValue(meant.email);
  await connectAndAllow(page, meant.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(page.getByRole("region", { name: "Connection" }).getByText(meant.email)).toBeVisible();
  await expect(wrongUser(page)).toHaveCount(0);
  expect(
    await testDb().credential.findUniqueOrThrow({
      where: { id: run.credentialId },
      select: { status: true, zoomEmail: true, expectedZoomEmail: true },
    }),
  ).toEqual({ status: "connected", zoomEmail: meant.email, expectedZoomEmail: meant.email });
});

test("the other Zoom user is kept: the credential page says so until Keep is pressed, and the audit log notes it", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, meant, colleague } = await appWithColleague();
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Kept Zoom");
  await walkToConnect(page, run, app);
  await page.getByLabel(MEANT_FOR).fill(meant.email);
  await connectAndAllow(page, colleague.email);
  await expect(page).toHaveURL(run.step("done"));

  await page.goto(`${run.base}/${run.credentialId}`);
  await expect(wrongUser(page)).toContainText(
    `You signed in to Zoom as ${colleague.email}, but this connection is meant for ${meant.email}.`,
  );
  await wrongUser(page)
    .getByRole("button", { name: `Keep ${colleague.email}` })
    .click();
  await expect(wrongUser(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Kept Zoom", level: 1 })).toBeVisible();
  await expect(wrongUser(page)).toHaveCount(0);

  const stored = await testDb().credential.findUniqueOrThrow({
    where: { id: run.credentialId },
    select: { status: true, zoomEmail: true, expectedZoomEmail: true },
  });
  expect(stored).toEqual({
    status: "connected",
    zoomEmail: colleague.email,
    expectedZoomEmail: colleague.email,
  });
  const events = await testDb().auditEvent.findMany({
    where: { credentialId: run.credentialId, action: "credential.zoom_user_kept" },
    select: { details: true },
  });
  expect(events.map((e) => JSON.parse(e.details) as unknown)).toEqual([
    { zoomUser: colleague.email, meantFor: meant.email },
  ]);
});
