import { expect, test } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { connectOAuthCredential } from "./support/wizard";
import { addZoomAppInUi, colleagueInZoom, connectMyZoomAccount } from "./support/zoom-apps";
import { createZoomApp, zoom } from "./support/zoom";

test("an app made in one's own wizard is shared by an admin; the same Zoom user across two members is warned, then marked", async ({
  page,
  browser,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: ownersZoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const ownCredential = await connectOAuthCredential(page, workspace.slug, app, "Olivia's Zoom");
  const { zoomAppId } = await testDb().credential.findUniqueOrThrow({
    where: { id: ownCredential },
    select: { zoomAppId: true },
  });
  await page.goto(`/w/${workspace.slug}/apps/${zoomAppId}`);
  await page.getByRole("button", { name: "Share with the workspace" }).click();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByText("Everyone in this workspace")).toBeVisible();

  const [ana, ben] = [
    await addMember(workspace, "member", "Ana"),
    await addMember(workspace, "member", "Ben"),
  ];
  const kim = await colleagueInZoom(ownersZoomUser.accountId, "Kim", app.clientId);
  const anaContext = await browser.newContext();
  const anaPage = await anaContext.newPage();
  await signInByApi(anaPage, ana);
  const anas = await connectMyZoomAccount(anaPage, workspace.slug, "Ana's Zoom", kim.email);

  // Ben is about to connect the same Zoom user: he is told, without seeing Ana's connection.
  const benContext = await browser.newContext();
  const benPage = await benContext.newPage();
  await signInByApi(benPage, ben);
  await benPage.goto(`/w/${workspace.slug}/connect`);
  const warning = benPage.getByRole("status").filter({ hasText: "already connected through this app" });
  // A member sees that another person's connection uses this Zoom app, never its Zoom email.
  await expect(warning).toContainText(/\d Zoom users? of other people/);
  await expect(warning).not.toContainText(kim.email);
  await expect(warning).toContainText("Zoom keeps only your new connection");
  await expect(benPage.getByText("Ana's Zoom")).toHaveCount(0);
  const bens = await connectMyZoomAccount(benPage, workspace.slug, "Ben's Zoom", kim.email);

  await anaPage.goto(`/w/${workspace.slug}/credentials/${anas}`);
  const card = anaPage.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Needs reconnect", { exact: true })).toBeVisible();
  await expect(card.getByText(/connected the same Zoom app again/)).toBeVisible();
  const statuses = await testDb().credential.findMany({
    where: { id: { in: [anas, bens] } },
    select: { id: true, status: true },
  });
  expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
    [anas]: "needs_reconnect",
    [bens]: "connected",
  });
  // Members never see each other's connections.
  await benPage.goto(`/w/${workspace.slug}/credentials/${anas}`);
  await expect(benPage.getByRole("region", { name: "Connection" })).toHaveCount(0);
  await anaContext.close();
  await benContext.close();
});

test("a secret replaced once serves every connection's next renewal; an app with connections cannot be deleted", async ({
  page,
  browser,
  request,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: ownersZoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const appId = await addZoomAppInUi(page, workspace.slug, "Renewals app", app);
  const ids: string[] = [];
  for (const name of ["Kim", "Lee"]) {
    const member = await addMember(workspace, "member", name);
    const zoomUser = await colleagueInZoom(ownersZoomUser.accountId, name, app.clientId);
    const context = await browser.newContext();
    const memberPage = await context.newPage();
    await signInByApi(memberPage, member);
    ids.push(await connectMyZoomAccount(memberPage, workspace.slug, `${name}'s Zoom`, zoomUser.email));
    await context.close();
  }

  // "Regenerate" in Zoom, then the new secret once, on the app's page.
  const fresh = `${app.clientSecret.slice(0, 10)}regenerated0123456789`;
  await zoom.patchApp(app.clientId, { clientSecret: fresh });
  await page.goto(`/w/${workspace.slug}/apps/${appId}`);
  await page.getByLabel("New Client Secret").fill(fresh);
  await page.getByRole("button", { name: "Replace Client Secret" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The new Client Secret is saved" })).toContainText(
    "applies to all 2 connections of this app from their next renewal",
  );

  // Both connections' tokens run out; each renews with the one new secret.
  await testDb().credential.updateMany({
    where: { id: { in: ids } },
    data: { accessTokenExpiresAt: new Date(Date.now() - 60_000) },
  });
  const before = (await zoom.counters(app.clientId)).token.refresh_token;
  const { key } = await createApiKey(testDb(), { user: owner, workspace, role: "owner" }, { name: "node" });
  for (const id of ids) {
    const response = await request.get(`/api/v1/credentials/${id}/token`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.status()).toBe(200);
  }
  expect((await zoom.counters(app.clientId)).token.refresh_token - before).toBe(2);
  const audits = await testDb().auditEvent.count({
    where: { workspaceId: workspace.id, action: "zoom_app.secret_replaced" },
  });
  expect(audits).toBe(1);

  // Deleting is refused while connections use the app, with words that say so.
  await page.getByRole("button", { name: "Delete app" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete app" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "still has" })).toContainText(
    "“Renewals app” still has 2 credentials. Disconnect or delete them first",
  );
  expect(await testDb().zoomApp.count({ where: { id: appId } })).toBe(1);
});
