import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { createZoomApp, REDIRECT_URL } from "./support/zoom";
import { oauthGuide } from "../lib/guides/oauth-guide";
import { wizardStepUrl } from "../lib/guides/step-url";
import type { Guide } from "../lib/guides/types";
import { nextThrough, OAUTH, submitThrough } from "./support/wizard";

test("a new user walks the OAuth wizard from the first click to a connected account", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const base = `/w/${workspace.slug}/credentials`;

  await page.goto(base);
  await page.getByRole("link", { name: "New Zoom credential" }).click();
  await expect(page).toHaveURL(`${base}/new`);
  await expect(page.getByRole("radio", { name: "OAuth", exact: true })).toBeChecked();
  await page.getByLabel("Credential name").fill("Marketing Zoom");
  await page.getByRole("button", { name: "Start setup" }).click();

  const setup = new RegExp(`${base}/(c[a-z0-9]+)/setup/${OAUTH.first}$`);
  await expect(page).toHaveURL(setup);
  const credentialId = setup.exec(page.url())![1]!;
  const step = (key: string) => wizardStepUrl(workspace.slug, credentialId, oauthGuide as Guide, key);
  await expect(page.getByRole("heading", { name: "Open the Zoom App Marketplace" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Open the Zoom App Marketplace/ })).toHaveAttribute(
    "target",
    "_blank",
  );

  await nextThrough(page, oauthGuide, step, OAUTH.first, "app-type");
  await expect(page.getByText("User-managed", { exact: false }).first()).toBeVisible();
  await nextThrough(page, oauthGuide, step, "app-type", OAUTH.redirect);
  await expect(page.getByLabel("OAuth Redirect URL", { exact: true })).toHaveValue(REDIRECT_URL);
  await expect(page.getByLabel("OAuth Allow List URL", { exact: true })).toHaveValue(REDIRECT_URL);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy OAuth Redirect URL" }).click();
  await expect(page.getByText("OAuth Redirect URL copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(REDIRECT_URL);
  await nextThrough(page, oauthGuide, step, OAUTH.redirect, OAUTH.credentials);
  await page.getByLabel("Client ID").fill(app.clientId);
  await page.getByLabel("Client Secret").fill(app.clientSecret);
  await submitThrough(page, oauthGuide, step, OAUTH.credentials, OAUTH.scopes);
  await expect(page.getByLabel(/Read their profile/)).toBeChecked();
  await expect(page.getByLabel(/Read their profile/)).toBeDisabled();
  await page.getByLabel(/List meetings/).check();
  await submitThrough(page, oauthGuide, step, OAUTH.scopes, OAUTH.connect);
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  // Zoom's (emulated) consent page.
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  await expect(page.getByText(zoomUser.email)).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(step(OAUTH.done));
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Dana Zoomer")).toBeVisible();
  await expect(card.getByText(zoomUser.email)).toBeVisible();
  await expect(card.getByText(zoomUser.accountId)).toBeVisible();
  await expect(card.getByRole("list", { name: "Granted scopes" })).toContainText(
    "meeting:read:list_meetings",
  );
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByText(`It works: Zoom answered as Dana Zoomer (${zoomUser.email}).`)).toBeVisible();

  // The person's own app session survived the Zoom handshake.
  await page.goto(base);
  await expect(page.getByRole("button", { name: "Account menu" })).toContainText(owner.name);
  await expect(page.getByRole("row", { name: /Marketing Zoom/ })).toContainText("Connected");

  // The database holds the token set encrypted, the identity, and — on the
  // credential's own Zoom app — the keys and the chosen scopes.
  const stored = await testDb().credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: {
      status: true,
      zoomApp: {
        select: {
          workspaceId: true,
          createdById: true,
          name: true,
          kind: true,
          activePair: true,
          shared: true,
          developmentClientId: true,
          developmentClientSecretEnc: true,
          scopes: true,
        },
      },
      accessTokenEnc: true,
      refreshTokenEnc: true,
      accessTokenExpiresAt: true,
      zoomUserId: true,
      zoomEmail: true,
      zoomAccountId: true,
      grantedScopes: true,
    },
  });
  expect(stored).toMatchObject({
    status: "connected",
    zoomApp: {
      workspaceId: workspace.id,
      createdById: owner.id,
      name: "Marketing Zoom",
      kind: "oauth",
      activePair: "development",
      shared: false,
      developmentClientId: app.clientId,
    },
    zoomUserId: zoomUser.id,
    zoomEmail: zoomUser.email,
    zoomAccountId: zoomUser.accountId,
  });
  expect(stored.grantedScopes.split(" ").sort()).toEqual([...app.scopes].sort());
  const zoomApp = stored.zoomApp!;
  expect(zoomApp.scopes.split(" ")).toEqual(["user:read:user", "meeting:read:list_meetings"]);
  for (const sealed of [zoomApp.developmentClientSecretEnc, stored.accessTokenEnc, stored.refreshTokenEnc]) {
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
  }
  expect(zoomApp.developmentClientSecretEnc).not.toContain(app.clientSecret);
  expect(stored.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
});
