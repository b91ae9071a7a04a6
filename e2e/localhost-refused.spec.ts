import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi } from "./support/factory";
import { oauthGuide } from "../lib/guides/oauth-guide";
import {
  connectAndAllow,
  fillCredentials,
  nextThrough,
  OAUTH,
  startOAuthCredential,
  submitThrough,
} from "./support/wizard";
import { E2E_PORT, e2eEnv } from "./support/test-env";
import { explainZoomError } from "./support/zoom-error-field";
import { createZoomApp, zoom } from "./support/zoom";

// The old default, APP_URL on plain localhost, needs an app server of its own:
// the same build and database, one port up.
const LOCAL_PORT = E2E_PORT + 1;
const LOCAL_URL = `http://localhost:${LOCAL_PORT}`;
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...e2eEnv(), PORT: String(LOCAL_PORT), APP_URL: LOCAL_URL, SKIP_BUILD: "1" },
    stdio: "ignore",
  });
  for (let waited = 0; ; waited += 500) {
    const up = await fetch(`${LOCAL_URL}/sign-in`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (waited > 100_000) throw new Error(`the localhost app server did not start on ${LOCAL_URL}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("APP_URL on plain localhost while Zoom refuses it: the redirect step warns, Zoom shows 4700, and the app's words for 4700 say to use 127.0.0.1", async ({
  browser,
}) => {
  // A second, cold app server: its first page loads are slow on a busy machine.
  test.slow();
  const context = await browser.newContext({ baseURL: LOCAL_URL });
  const page = await context.newPage();
  const { owner, workspace } = await createWorkspaceWithOwner();
  const redirect = `${LOCAL_URL}/api/auth/callback/zoom`;
  const { app, user } = await createZoomApp({ redirectUrls: [redirect], refuseLocalhost: true });
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Localhost Zoom");
  await nextThrough(page, oauthGuide, run.step, OAUTH.first, OAUTH.redirect);
  await expect(page.getByLabel("OAuth Redirect URL", { exact: true })).toHaveValue(redirect);
  await expect(
    page.getByText(
      `Zoom may refuse this address: plain localhost redirects were reported refused with error 4700. For a local trial, ask whoever runs this app to set APP_URL to http://127.0.0.1:${LOCAL_PORT} (and open the app there); for real use, to its public https:// address.`,
    ),
  ).toBeVisible();
  await nextThrough(page, oauthGuide, run.step, OAUTH.redirect, OAUTH.credentials);
  await fillCredentials(page, run, app);
  await submitThrough(page, oauthGuide, run.step, OAUTH.scopes, OAUTH.connect);

  // The redirect is in both of Zoom's lists, and still refused.
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("heading", { name: "Error 4700: Invalid redirect" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(run.step("connect"));
  const answer = await explainZoomError(page, "4700");
  await expect(answer).toContainText("Redirect URL not set up (4700)");
  await expect(answer).toContainText(
    "Zoom may also refuse a plain http://localhost address: use http://127.0.0.1 or an https address.",
  );

  // Only the refusal stood in the way: without it the same setup connects.
  await zoom.patchApp(app.clientId, { refuseLocalhost: false });
  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(run.step("done"));
  await context.close();
});
