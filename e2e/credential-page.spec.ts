import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

test("rename, replace the secret, disconnect (revoked at Zoom), reconnect with the same id, delete", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app);
  const credentialUrl = `/w/${workspace.slug}/credentials/${id}`;

  await page.goto(credentialUrl);
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText(user.email)).toBeVisible();
  await expect(card.getByText(`${owner.name} (${owner.email})`)).toBeVisible();
  const manage = page.getByRole("region", { name: "Manage credential" });

  await manage.getByLabel("Credential name").fill("Renamed Zoom");
  await manage.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { name: "Renamed Zoom", level: 1 })).toBeVisible();

  await manage.getByLabel("Client Secret").fill("short");
  await manage.getByRole("button", { name: "Save new secret" }).click();
  await expect(
    manage.getByText("That is shorter than a Zoom Client Secret.", { exact: false }),
  ).toBeVisible();
  await manage.getByLabel("Client Secret").fill(app.clientSecret);
  await manage.getByRole("button", { name: "Save new secret" }).click();
  await expect(manage.getByText("The new Client Secret is saved (encrypted).")).toBeVisible();

  const revokesBefore = (await zoom.counters(app.clientId)).revoke;
  await manage.getByRole("button", { name: "Disconnect" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Zoom will remove the app from ${user.email}’s Zoom account`);
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await expect(
    manage.getByText("Disconnected: Zoom revoked the token and the stored tokens are deleted."),
  ).toBeVisible();
  await expect(card.getByText("Revoked", { exact: true })).toBeVisible();
  expect((await zoom.counters(app.clientId)).revoke).toBe(revokesBefore + 1);
  const revoked = await testDb().credential.findUniqueOrThrow({
    where: { id },
    select: { status: true, accessTokenEnc: true, refreshTokenEnc: true },
  });
  expect(revoked).toEqual({ status: "revoked", accessTokenEnc: null, refreshTokenEnc: null });

  // Reconnect: the handshake again on the same credential.
  await page.getByRole("link", { name: "Reconnect" }).click();
  await expect(page).toHaveURL(`${credentialUrl}/setup/connect`);
  await page.getByRole("button", { name: /Connect to Zoom/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`${credentialUrl}/setup/done`);
  await expect(
    page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
  ).toBeVisible();
  expect(await testDb().credential.count({ where: { workspaceId: workspace.id } })).toBe(1);

  await page.goto(credentialUrl);
  await page
    .getByRole("region", { name: "Manage credential" })
    .getByRole("button", { name: "Delete" })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete credential" }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/credentials?deleted=1`);
  await expect(page.getByText("Renamed Zoom")).toHaveCount(0);
  expect(await testDb().credential.findUnique({ where: { id } })).toBeNull();

  await page.goto(`/w/${workspace.slug}/admin/audit`);
  for (const action of [
    "created a credential",
    "connected a Zoom account",
    "renamed a credential",
    "replaced a Client Secret",
    "disconnected a credential",
    "reconnected a Zoom account",
    "deleted a credential",
  ]) {
    await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
});

test("replacing the secret of a Zoom app with several connections says it applies to all of them", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, "Team Zoom");
  const { zoomAppId } = await testDb().credential.findUniqueOrThrow({
    where: { id },
    select: { zoomAppId: true },
  });
  // A second connection through the same app (a later issue lets people pick a shared app).
  await testDb().credential.create({
    data: {
      workspaceId: workspace.id,
      ownerId: owner.id,
      zoomAppId,
      name: "Second connection",
      method: "oauth",
      status: "draft",
    },
  });
  const before = await testDb().zoomApp.findUniqueOrThrow({
    where: { id: zoomAppId! },
    select: { developmentClientSecretEnc: true },
  });

  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  const manage = page.getByRole("region", { name: "Manage credential" });
  await expect(manage.getByLabel("Client Secret")).toHaveAccessibleDescription(
    /belongs to the Zoom app “Team Zoom”, so all 2 of its connections renew with it/,
  );
  await manage.getByLabel("Client Secret").fill(app.clientSecret);
  await manage.getByRole("button", { name: "Save new secret" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("The Zoom app “Team Zoom” is used by 2 connections.");
  await dialog.getByRole("button", { name: "Replace for all 2 connections" }).click();
  await expect(
    manage.getByText(
      "The new Client Secret is saved (encrypted) on the Zoom app “Team Zoom”: all 2 of its connections use it from their next renewal.",
    ),
  ).toBeVisible();
  // One write, on the app.
  const after = await testDb().zoomApp.findUniqueOrThrow({
    where: { id: zoomAppId! },
    select: { developmentClientSecretEnc: true },
  });
  expect(after.developmentClientSecretEnc).toMatch(/^v1\./);
  expect(after.developmentClientSecretEnc).not.toBe(before.developmentClientSecretEnc);

  await page.goto(`/w/${workspace.slug}/admin/audit`);
  await expect(page.getByRole("row", { name: /replaced a Client Secret/ })).toContainText(
    "appliesTo: all 2 connections of the app",
  );
});
