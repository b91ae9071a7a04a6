import { expect, test, type Browser } from "@playwright/test";
import { createConnectLink } from "../lib/connect-links/manage-connect-links";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { addZoomAppInUi, colleagueInZoom } from "./support/zoom-apps";
import { createZoomApp } from "./support/zoom";

/** Someone without an account: a browser of their own, never signed in here. */
async function openAsStranger(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}

test("a connect link, opened by someone without an account, connects a second Zoom user once", async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers and a whole Zoom handshake, then a second try of the used link
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: ownersZoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const appId = await addZoomAppInUi(page, workspace.slug, "Workflows app", app);

  await page.goto(`/w/${workspace.slug}/apps/${appId}`);
  await page.getByLabel("Note").fill("Webinar account of Kim");
  await expect(page.getByLabel("Works for (days)")).toHaveValue("7");
  await page.getByRole("button", { name: "Create connect link" }).click();
  const link = await page.getByRole("textbox", { name: "Connect link" }).inputValue();
  expect(link).toMatch(/\/connect\/[A-Za-z0-9_-]{32}$/);
  const links = page.getByRole("table", { name: "Connect links" });
  await expect(links.getByRole("row", { name: /Webinar account of Kim.*Open/ })).toBeVisible();

  const kim = await colleagueInZoom(ownersZoomUser.accountId, "Kim", app.clientId);
  const stranger = await openAsStranger(browser, link);
  const visit = stranger.page;
  await expect(visit.getByRole("heading", { name: "Connect your Zoom account" })).toBeVisible();
  await expect(visit.getByText(`${owner.name} of ${workspace.name} asks you to connect`)).toBeVisible();
  await expect(visit.getByText("“Webinar account of Kim”")).toBeVisible();
  await expect(visit.getByText(/Read their profile/)).toBeVisible();
  await expect(visit.getByText(/works only for users of the Zoom account it was built in/)).toBeVisible();
  await visit.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(visit.getByText(kim.email)).toBeVisible();
  await visit.getByRole("button", { name: "Allow" }).click();
  await expect(visit).toHaveURL(`${link}/done`);
  await expect(visit.getByRole("heading", { name: "Done — you can close this page" })).toBeVisible();
  await stranger.close();

  const made = await testDb().credential.findFirstOrThrow({
    where: { workspaceId: workspace.id, zoomAppId: appId },
    select: { ownerId: true, status: true, zoomUserId: true, accessTokenEnc: true },
  });
  expect(made).toMatchObject({ ownerId: owner.id, status: "connected", zoomUserId: kim.id });
  expect(made.accessTokenEnc).toMatch(/^v1\./);

  // Used: a clear page, and nothing more is connected.
  const again = await openAsStranger(browser, link);
  await expect(again.page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await expect(again.page.getByRole("button", { name: "Connect to Zoom" })).toHaveCount(0);
  await again.close();
  await page.reload();
  await expect(links.getByRole("row", { name: /Webinar account of Kim.*Used/ })).toBeVisible();
  const actions = await testDb().auditEvent.findMany({
    where: { workspaceId: workspace.id, action: { startsWith: "connect_link." } },
    select: { action: true },
  });
  expect(actions.map((a) => a.action).sort()).toEqual(["connect_link.created", "connect_link.used"]);
});

test("expired, revoked and made-up connect links say so plainly", async ({ page, browser }) => {
  test.slow(); // three links made and opened in a fresh browser each
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);
  const appId = await addZoomAppInUi(page, workspace.slug, "Links app", app);

  // Made 8 days ago for 7 days.
  const ctx = { user: { ...owner }, workspace, role: "owner" as const };
  const old = await createConnectLink(
    testDb(),
    ctx,
    { zoomAppId: appId, note: "old", ownerId: owner.id, days: 7 },
    new Date(Date.now() - 8 * 24 * 3600_000),
  );
  const expired = await openAsStranger(browser, old.url);
  await expect(expired.page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expired.close();

  await page.goto(`/w/${workspace.slug}/apps/${appId}`);
  await page.getByLabel("Note").fill("To withdraw");
  await page.getByRole("button", { name: "Create connect link" }).click();
  const link = await page.getByRole("textbox", { name: "Connect link" }).inputValue();
  const row = page.getByRole("row", { name: /To withdraw/ });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByRole("row", { name: /To withdraw.*Revoked/ })).toBeVisible();
  const revoked = await openAsStranger(browser, link);
  await expect(revoked.page.getByRole("heading", { name: "This link was withdrawn" })).toBeVisible();
  await expect(revoked.page.getByRole("button", { name: "Connect to Zoom" })).toHaveCount(0);
  await revoked.close();

  const madeUp = await openAsStranger(browser, `${new URL(link).origin}/connect/notarealtoken1234567890`);
  await expect(madeUp.page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await madeUp.close();
  expect(await testDb().credential.count({ where: { workspaceId: workspace.id } })).toBe(0);
});
