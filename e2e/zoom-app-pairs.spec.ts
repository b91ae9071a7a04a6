import { expect, test, type Page } from "@playwright/test";
import { decrypt } from "../lib/crypto";
import { zoomAppSecretContext } from "../lib/crypto/encrypted-columns";
import { createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import {
  backOnConnect,
  connectAndAllow,
  nextTo,
  OAUTH,
  startOAuthCredential,
  walkToCredentials,
  type WizardRun,
} from "./support/wizard";
import { explainZoomError, lastTry, zoomPageText } from "./support/zoom-error-field";
import { createZoomApp, REDIRECT_URL } from "./support/zoom";

/** A second Client ID / Client Secret pair, as App Credentials shows under Production. */
const productionPair = () => ({
  clientId: unique("pid").replace(/-/g, ""),
  clientSecret: `${unique("psecret").replace(/-/g, "")}abcdefghijkl`,
});

/** Step 4 → step 6: the keys, the pair they came from, and the default scopes. */
async function pasteKeys(
  page: Page,
  run: WizardRun,
  keys: { clientId: string; clientSecret: string },
  pair: "Development" | "Production",
) {
  await expect(page).toHaveURL(run.step("credentials"));
  await page.getByLabel("Client ID").fill(keys.clientId);
  await page.getByLabel("Client Secret").fill(keys.clientSecret);
  await page.getByRole("radio", { name: pair }).check();
  await nextTo(page, run, OAUTH.scopes);
  await nextTo(page, run, OAUTH.connect);
}

async function storedApp(credentialId: string) {
  const { zoomApp } = await testDb().credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: {
      zoomApp: {
        select: {
          id: true,
          activePair: true,
          developmentClientId: true,
          developmentClientSecretEnc: true,
          productionClientId: true,
          productionClientSecretEnc: true,
        },
      },
    },
  });
  return zoomApp!;
}

test("Production keys with the redirect only in the Development view: Zoom shows 4700, the app's words name the view, and the Development pair connects", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const production = productionPair();
  const { app, user } = await createZoomApp({
    production: { ...production, redirectUrls: [], allowList: [] },
  });
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Pairs Zoom");
  await nextTo(page, run, "app-type");
  await nextTo(page, run, OAUTH.redirect);
  await expect(
    page.getByText("On Basic Info, stay in the Development view and find the section OAuth Information."),
  ).toBeVisible();
  await expect(
    page.getByText(
      `Zoom keeps a separate OAuth Redirect URL and OAuth Allow List for Development and for Production. Fill in the view whose keys you paste on ${OAUTH.label(OAUTH.credentials)}: Development, for an app used in your own Zoom account.`,
    ),
  ).toBeVisible();
  await nextTo(page, run, OAUTH.credentials);
  await expect(
    page.getByText("Zoom shows a Development and a Production pair: use the Development pair."),
  ).toBeVisible();
  await expect(
    page.getByText(
      "An app used in your own Zoom account (not published on the Marketplace) works only with its Development keys.",
      { exact: false },
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      `The redirect URL from ${OAUTH.label(OAUTH.redirect)} must be in that same view (Development or Production) as the keys.`,
    ),
  ).toBeVisible();
  // Development is chosen unless the person says otherwise.
  await expect(page.getByRole("radio", { name: "Development" })).toBeChecked();

  await pasteKeys(page, run, production, "Production");
  let stored = await storedApp(run.credentialId);
  expect(stored).toMatchObject({ activePair: "production", productionClientId: production.clientId });
  expect(stored.developmentClientId).toBeNull();

  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("heading", { name: "Error 4700: Invalid redirect" })).toBeVisible();
  const words = await zoomPageText(page);
  await page.goBack();
  await expect(page).toHaveURL(run.step("connect"));
  const answer = await explainZoomError(page, words);
  await expect(answer).toContainText(
    `paste the OAuth Redirect URL and the OAuth Allow List URL exactly as shown on ${OAUTH.label(OAUTH.redirect)}, in the same view (Development or Production) as the Client ID you pasted — an app used in your own Zoom account uses Development.`,
  );
  await expect(answer.getByRole("link", { name: `Go to ${OAUTH.label(OAUTH.redirect)}` })).toBeVisible();

  // Back to step 4: the pair in use is remembered; the Development pair connects.
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(run.step("scopes"));
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(run.step("credentials"));
  await expect(page.getByRole("radio", { name: "Production" })).toBeChecked();
  await expect(page.getByLabel("Client ID")).toHaveValue(production.clientId);
  await pasteKeys(page, run, app, "Development");
  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();

  stored = await storedApp(run.credentialId);
  expect(stored).toMatchObject({
    activePair: "development",
    developmentClientId: app.clientId,
    productionClientId: production.clientId,
  });
  expect(
    decrypt(
      stored.developmentClientSecretEnc!,
      zoomAppSecretContext(stored.id, "developmentClientSecretEnc"),
    ),
  ).toBe(app.clientSecret);
});

test("the Development Client ID with the Production secret: a real handshake fails with invalid_client and step 6 names the mix-up; a published app's Production pair connects as the pair in use", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const production = productionPair();
  const { app, user } = await createZoomApp({
    published: true,
    production: { ...production, redirectUrls: [REDIRECT_URL] },
  });
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Mixed Zoom");
  await walkToCredentials(page, run);
  await pasteKeys(
    page,
    run,
    { clientId: app.clientId, clientSecret: production.clientSecret },
    "Development",
  );

  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(backOnConnect(run));
  await expect(lastTry(page)).toContainText(
    "The most common cause is a mix-up of the two pairs on App Credentials: the Development Client ID with the Production Client Secret, or the other way round.",
  );
  await lastTry(page)
    .getByRole("link", { name: `Go to ${OAUTH.label(OAUTH.credentials)}` })
    .click();

  await pasteKeys(page, run, production, "Production");
  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();
  const stored = await storedApp(run.credentialId);
  expect(stored).toMatchObject({ activePair: "production", productionClientId: production.clientId });
  expect(
    decrypt(stored.productionClientSecretEnc!, zoomAppSecretContext(stored.id, "productionClientSecretEnc")),
  ).toBe(production.clientSecret);
});

test("the public Client ID pasted with a secret: Zoom answers invalid_client, and the words say the public Client ID does not work here", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const publicClientId = unique("pub").replace(/-/g, "");
  const { app, user } = await createZoomApp({ publicClientId });
  await signInByApi(page, owner);
  const run = await startOAuthCredential(page, workspace.slug, "Public Zoom");
  await walkToCredentials(page, run);
  await expect(
    page.getByText(
      "Not the public Client ID (shown with “Use Public Client OAuth”): it has no secret and does not work here.",
    ),
  ).toBeVisible();
  await pasteKeys(page, run, { clientId: publicClientId, clientSecret: app.clientSecret }, "Development");

  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(backOnConnect(run));
  await expect(lastTry(page)).toContainText(
    'The public Client ID ("Use Public Client OAuth") has no secret and does not work here either.',
  );
  await lastTry(page)
    .getByRole("link", { name: `Go to ${OAUTH.label(OAUTH.credentials)}` })
    .click();
  await pasteKeys(page, run, app, "Development");
  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(run.step("done"));
});
