import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, unique } from "./support/factory";
import {
  connectAndAllow,
  connectCredential,
  OAUTH,
  startOAuthCredential,
  walkToConnect,
} from "./support/wizard";
import { explainZoomError, zoomPageText } from "./support/zoom-error-field";
import { createZoomApp, zoom } from "./support/zoom";

const ZOOM_HELP = "https://developers.zoom.us/docs/integrations/oauth-error-messages/";

test("a user of another Zoom account: step 6 says who can authorize, Zoom's page never comes back, and its words pasted in get the catalogue's answer", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  const outsider = {
    id: unique("zu"),
    email: `${unique("olly")}@elsewhere.example`,
    firstName: "Olly",
    lastName: "Outsider",
    accountId: unique("acct"),
  };
  await zoom.registerUser(outsider);
  await zoom.signIn(outsider.id, app.clientId);
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Outsider Zoom");
  await walkToConnect(page, run, app);
  await expect(
    page.getByText(
      "Only users of the Zoom account this app was built in can authorize it, as long as the app is not published on the Zoom App Marketplace.",
    ),
  ).toBeVisible();

  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("heading", { name: "You cannot authorize the app" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Allow" })).toHaveCount(0);
  const words = await zoomPageText(page);
  await page.goBack();
  await expect(page).toHaveURL(run.step("connect"));

  const answer = await explainZoomError(page, words);
  await expect(answer).toContainText("Zoom: You cannot authorize the app");
  await expect(answer).toContainText(
    `this app is not published, so only users of the Zoom account it was built in can connect it. Sign in to Zoom as a user of that account (sign out of Zoom first if the browser is signed in as someone else), then press Connect to Zoom on ${OAUTH.label(OAUTH.connect)}.`,
  );
  // The fix is on this very step: no link elsewhere.
  await expect(answer.getByRole("link", { name: /Go to step/ })).toHaveCount(0);

  // Signed in to Zoom as a user of the app's own account, it connects.
  await zoom.signIn(user.id, app.clientId);
  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(run.step("done"));
});

test("Admin-managed chosen by mistake: Zoom's words typed in point to step 2", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp({ managedBy: "admin", role: "member" });
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Admin-managed Zoom");
  await walkToConnect(page, run, app);
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(
    page.getByRole("heading", { name: "An account admin is required to install this type of app" }),
  ).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(run.step("connect"));

  const answer = await explainZoomError(page, "An account admin is required to install this type of app");
  await expect(answer).toContainText(
    `the app was built as Admin-managed, which only a Zoom account admin can install. Build a General app that is User-managed (${OAUTH.label("app-type")}) and paste its keys on ${OAUTH.label(OAUTH.credentials)}`,
  );
  await answer.getByRole("link", { name: `Go to ${OAUTH.label("app-type")}` }).click();
  await expect(page).toHaveURL(run.step("app-type"));
});

test("on the credential page: a code with Zoom's separator, unknown words, nothing, and junk each get a plain answer", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const run = await connectCredential(page, workspace.slug, "Explained Zoom", app, user.email);
  const credentialPage = `${run.base}/${run.credentialId}`;
  await page.goto(credentialPage);

  let answer = await explainZoomError(page, "Invalid redirect (4,700)");
  await expect(answer).toContainText("Redirect URL not set up (4700)");
  await expect(answer).toContainText(
    "in the same view (Development or Production) as the Client ID you pasted",
  );
  await answer.getByRole("link", { name: `Go to ${OAUTH.label(OAUTH.redirect)}` }).click();
  await expect(page).toHaveURL(run.step("redirect"));

  await page.goto(credentialPage);
  answer = await explainZoomError(page, "Something unexpected happened. Error 9876");
  await expect(answer).toContainText("We don't know this one");
  await expect(answer.getByRole("link", { name: "Zoom’s list of OAuth errors" })).toHaveAttribute(
    "href",
    ZOOM_HELP,
  );
  await expect(answer.getByRole("link", { name: /Go to step/ })).toHaveCount(0);

  answer = await explainZoomError(page, "   ");
  await expect(answer).toHaveText("Type the code or paste the words Zoom showed, then press Explain.");

  // Pasted junk: markup stays text, the page keeps working.
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  answer = await explainZoomError(page, `<img src=x onerror=alert(1)> ${"ÿ🙂\u0000".repeat(600)}`);
  await expect(answer).toContainText("We don't know this one");
  expect(dialogs).toBe(0);
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();
});
