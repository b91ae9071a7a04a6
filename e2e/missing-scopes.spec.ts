import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import {
  backOnConnect,
  connectAndAllow,
  connectCredential,
  nextTo,
  OAUTH,
  startOAuthCredential,
  walkToConnect,
} from "./support/wizard";
import { lastTry } from "./support/zoom-error-field";
import { createZoomApp, zoom } from "./support/zoom";

for (const code of [4700, 4711, 104] as const) {
  test(`the app lacks user:read:user and Zoom says so with code ${code}: add the scope, then connect again`, async ({
    page,
  }) => {
    const { owner, workspace } = await createWorkspaceWithOwner();
    const { app, user } = await createZoomApp({
      scopes: ["meeting:read:list_meetings"],
      missingScopeCode: code,
    });
    await signInByApi(page, owner);
    const run = await startOAuthCredential(page, workspace.slug, `Scopes ${code} Zoom`);
    await walkToConnect(page, run, app);

    await connectAndAllow(page, user.email);
    await expect(page).toHaveURL(backOnConnect(run));
    await expect(lastTry(page)).toContainText(
      "Add the scope user:read:user on your app's Scopes page (for a User-managed app, the name without :admin), then connect again",
    );
    await expect(lastTry(page)).toContainText("Zoom listed: user:read:user, user:read:user:admin");
    // Not "press Connect to Zoom" alone, which never adds a scope: the link goes to the Scopes step.
    await expect(lastTry(page).getByRole("link", { name: /Go to step/ })).toHaveText(
      `Go to ${OAUTH.label(OAUTH.scopes)}`,
    );
    expect(
      (
        await testDb().credential.findUniqueOrThrow({
          where: { id: run.credentialId },
          select: { status: true },
        })
      ).status,
    ).toBe("draft");

    await lastTry(page)
      .getByRole("link", { name: `Go to ${OAUTH.label(OAUTH.scopes)}` })
      .click();
    await expect(page).toHaveURL(run.step("scopes"));
    // The person adds the scope in Zoom, then connects again.
    await zoom.patchApp(app.clientId, { scopes: ["user:read:user", "meeting:read:list_meetings"] });
    await nextTo(page, run, OAUTH.connect);
    await connectAndAllow(page, user.email);
    await expect(page).toHaveURL(run.step("done"));
    await expect(
      page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
    ).toBeVisible();
  });
}

test("a scope added after connecting: renewals keep the old scopes without an error, the card says to press Connect to Zoom again, and that grants it", async ({
  page,
}) => {
  // A whole wizard, a renewal and a second handshake: about 20 s alone, far more on a busy machine.
  test.slow();
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp({ scopes: ["user:read:user"] });
  await signInByApi(page, owner);
  const run = await connectCredential(page, workspace.slug, "Growing Zoom", app, user.email);
  const credentialPage = `${run.base}/${run.credentialId}`;

  // The person now wants meetings too: ticks it on step 5 and adds it in Zoom.
  await page.goto(run.step("scopes"));
  await page.getByLabel(/List meetings/).check();
  await nextTo(page, run, OAUTH.connect);
  await zoom.patchApp(app.clientId, { scopes: ["user:read:user", "meeting:read:list_meetings"] });

  // The access token is due: Test connection renews it first.
  await testDb().credential.update({
    where: { id: run.credentialId },
    data: { accessTokenExpiresAt: new Date(Date.now() - 60_000) },
  });
  const before = await zoom.counters(app.clientId);
  await page.goto(credentialPage);
  const card = page.getByRole("region", { name: "Connection" });
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByText(`It works: Zoom answered as Dana Zoomer (${user.email}).`)).toBeVisible();
  expect((await zoom.counters(app.clientId)).token.refresh_token).toBe(before.token.refresh_token + 1);

  const renewed = await testDb().credential.findUniqueOrThrow({
    where: { id: run.credentialId },
    select: { status: true, grantedScopes: true, lastErrorMessage: true, accessTokenExpiresAt: true },
  });
  expect(renewed).toMatchObject({
    status: "connected",
    grantedScopes: "user:read:user",
    lastErrorMessage: null,
  });
  expect(renewed.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

  await page.reload();
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await expect(card.getByRole("alert")).toHaveCount(0);
  const notGranted = card.getByRole("status").filter({ hasText: "Some chosen scopes were not granted" });
  await expect(notGranted).toContainText(
    `Zoom did not grant meeting:read:list_meetings. Add it on your app’s Scopes page in the Zoom Marketplace (${OAUTH.label(OAUTH.scopes)}), then press Connect to Zoom again (${OAUTH.label(OAUTH.connect)}): Zoom keeps the scopes a connection was first given — even when it renews the token — until you connect again.`,
  );

  await page.getByRole("link", { name: "Reconnect" }).click();
  await expect(page).toHaveURL(run.step("connect"));
  await connectAndAllow(page, user.email);
  await expect(page).toHaveURL(run.step("done"));
  await expect(card.getByRole("list", { name: "Granted scopes" })).toContainText(
    "meeting:read:list_meetings",
  );
  await expect(card.getByText("Some chosen scopes were not granted")).toHaveCount(0);
});
