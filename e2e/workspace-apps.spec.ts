import { expect, test } from "@playwright/test";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { addZoomAppInUi, colleagueInZoom, connectMyZoomAccount } from "./support/zoom-apps";
import { createZoomApp, zoom } from "./support/zoom";

test("an admin adds a Zoom app once; a member connects through it in one screen, without any keys", async ({
  page,
  browser,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: ownersZoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const appId = await addZoomAppInUi(page, workspace.slug, "Team Zoom app", app);
  const saved = await testDb().zoomApp.findUniqueOrThrow({
    where: { id: appId },
    select: {
      shared: true,
      developmentClientId: true,
      scopes: true,
      _count: { select: { credentials: true } },
    },
  });
  expect(saved).toEqual({
    shared: true,
    developmentClientId: app.clientId,
    scopes: expect.stringContaining("user:read:user"),
    _count: { credentials: 0 },
  });
  // Nobody went to Zoom: the app is only saved.
  expect((await zoom.counters(app.clientId)).authorize).toBe(0);

  await page.goto(`/w/${workspace.slug}/apps`);
  const row = page.getByRole("row", { name: /Team Zoom app/ });
  await expect(row).toContainText("Shared with the workspace");
  await expect(row).toContainText("Development");
  await expect(row).toContainText(app.clientId);
  await expect(row).toContainText(`/api/zoom/events/${appId}`);

  const member = await addMember(workspace, "member", "Mia Member");
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signInByApi(memberPage, member);
  const zoomUser = await colleagueInZoom(ownersZoomUser.accountId, "Mia", app.clientId);
  await memberPage.goto(`/w/${workspace.slug}/credentials`);
  await memberPage.getByRole("link", { name: "Connect my Zoom account" }).click();
  await expect(memberPage).toHaveURL(`/w/${workspace.slug}/connect`);
  await expect(memberPage.getByText("You connect through Team Zoom app")).toBeVisible();
  await expect(
    memberPage.getByText(/works only for users of the Zoom account it was built in/),
  ).toBeVisible();
  await expect(memberPage.getByLabel("Client ID")).toHaveCount(0);
  await expect(memberPage.getByLabel("Client Secret")).toHaveCount(0);
  const credentialId = await connectMyZoomAccount(memberPage, workspace.slug, "Mia's Zoom", zoomUser.email);
  await expect(memberPage.getByRole("region", { name: "Connection" })).toContainText(zoomUser.email);
  const credential = await testDb().credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { ownerId: true, zoomAppId: true, status: true, zoomUserId: true },
  });
  expect(credential).toEqual({
    ownerId: member.id,
    zoomAppId: appId,
    status: "connected",
    zoomUserId: zoomUser.id,
  });

  // The member never reaches the Zoom apps page; the admin sees the connection.
  for (const path of ["/apps", `/apps/${appId}`, "/apps/new"]) {
    await memberPage.goto(`/w/${workspace.slug}${path}`);
    await expect(memberPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  await expect(memberPage.getByRole("link", { name: "Zoom apps" })).toHaveCount(0);
  await page.goto(`/w/${workspace.slug}/admin/accounts`);
  await expect(page.getByRole("button", { name: "Actions for Mia's Zoom" })).toBeVisible();
  await page.goto(`/w/${workspace.slug}/apps/${appId}`);
  await expect(page.getByRole("region", { name: "Credentials through this app" })).toContainText(
    zoomUser.email,
  );
  await memberContext.close();
});
