import { expect, test, type Browser, type Page } from "@playwright/test";
import { createConnectLink } from "../lib/connect-links/manage-connect-links";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb, type TestUser } from "./support/factory";
import { addZoomAppInUi, colleagueInZoom } from "./support/zoom-apps";
import { createZoomApp, zoom } from "./support/zoom";

// A connect link is claimed when the person comes back from Zoom (one
// conditional update), given back when that return does not connect, and
// withdrawn when the person who made it — or the one it connects for — loses
// access. lib/zoom-connect/connect-link-claim.test.ts holds one return between
// its claim and its store; these walk the same paths in a browser.

async function workspaceWithApp(page: Page) {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: ownersZoomUser } = await createZoomApp();
  await signInByApi(page, owner);
  const appId = await addZoomAppInUi(page, workspace.slug, "Links app", app);
  const linkBy = async (maker: TestUser, role: "owner" | "admin", ownerId: string, note: string) =>
    (
      await createConnectLink(
        testDb(),
        { user: maker, workspace, role },
        { zoomAppId: appId, note, ownerId, days: 7 },
      )
    ).url;
  return { owner, workspace, app, ownersZoomUser, appId, linkBy };
}

/** Someone without an account, in a browser of their own, up to Zoom's consent page. */
async function toConsent(browser: Browser, link: string, zoomEmail: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByText(zoomEmail)).toBeVisible();
  return { page, close: () => context.close() };
}

test(
  "two people at Zoom's consent page with one link: the first to come back connects, the second is told plainly and nothing of theirs is kept",
  { tag: "@postgres" },
  async ({ page, browser }) => {
    test.slow(); // two strangers' handshakes
    const { owner, workspace, app, ownersZoomUser, linkBy } = await workspaceWithApp(page);
    const link = await linkBy(owner, "owner", owner.id, "Webinar account");
    const kim = await colleagueInZoom(ownersZoomUser.accountId, "Kim", app.clientId);
    const first = await toConsent(browser, link, kim.email);
    const lee = await colleagueInZoom(ownersZoomUser.accountId, "Lee", app.clientId);
    const second = await toConsent(browser, link, lee.email);
    const exchanges = (await zoom.counters(app.clientId)).token.authorization_code;

    await first.page.getByRole("button", { name: "Allow" }).click();
    await expect(first.page).toHaveURL(`${link}/done`);
    await second.page.getByRole("button", { name: "Allow" }).click();
    await expect(second.page).toHaveURL(`${link}?taken=1`);
    await expect(second.page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
    await expect(
      second.page.getByText("Someone else came back from Zoom with this link a moment before you"),
    ).toBeVisible();

    // Lee's code was never exchanged: Zoom issued no token set for him, and none is stored.
    expect((await zoom.counters(app.clientId)).token.authorization_code - exchanges).toBe(1);
    const made = await testDb().credential.findMany({
      where: { workspaceId: workspace.id, zoomUserId: { in: [kim.id, lee.id] } },
      select: { zoomUserId: true, status: true },
    });
    expect(made).toEqual([{ zoomUserId: kim.id, status: "connected" }]);
    await first.close();
    await second.close();
  },
);

test("Zoom fails the return (its token endpoint answers 500): the link is not used up, and the next try connects", async ({
  page,
  browser,
}) => {
  test.slow();
  const { owner, workspace, app, ownersZoomUser, linkBy } = await workspaceWithApp(page);
  const link = await linkBy(owner, "owner", owner.id, "");
  const kim = await colleagueInZoom(ownersZoomUser.accountId, "Kim", app.clientId);
  await zoom.addFault({ target: "token", kind: "500", clientId: app.clientId });
  const visit = await toConsent(browser, link, kim.email);
  await visit.page.getByRole("button", { name: "Allow" }).click();
  await expect(visit.page).toHaveURL(link);
  await expect(visit.page.getByRole("alert").filter({ hasText: /Zoom/ })).toBeVisible();

  await visit.page.getByRole("button", { name: "Connect to Zoom" }).click();
  await visit.page.getByRole("button", { name: "Allow" }).click();
  await expect(visit.page).toHaveURL(`${link}/done`);
  await expect(visit.page.getByRole("heading", { name: "Done — you can close this page" })).toBeVisible();
  const made = await testDb().credential.findFirstOrThrow({
    where: { workspaceId: workspace.id, zoomUserId: kim.id },
    select: { status: true },
  });
  expect(made.status).toBe("connected");
  await visit.close();
});

test("a demoted admin's links and a removed member's links are withdrawn, as their invites are", async ({
  page,
  browser,
}) => {
  test.slow();
  const { owner, workspace, linkBy } = await workspaceWithApp(page);
  const ada = await addMember(workspace, "admin", "Ada Admin");
  const mo = await addMember(workspace, "member", "Mo Member");
  const adasLink = await linkBy(ada, "admin", owner.id, "made by Ada");
  const forMo = await linkBy(owner, "owner", mo.id, "for Mo");
  const kept = await linkBy(owner, "owner", owner.id, "the owner's own");

  await page.goto(`/w/${workspace.slug}/admin/members`);
  await page.getByLabel("Role of Ada Admin", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Save role of Ada Admin" }).click();
  await expect(
    page.getByRole("row", { name: /Ada Admin/ }).getByRole("cell", { name: "Member", exact: true }),
  ).toBeVisible();
  await page
    .getByRole("row", { name: /Mo Member/ })
    .getByRole("button", { name: "Remove" })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("cell", { name: "Mo Member" })).toHaveCount(0);

  const stranger = await browser.newContext();
  const visit = await stranger.newPage();
  for (const withdrawn of [adasLink, forMo]) {
    await visit.goto(withdrawn);
    await expect(visit.getByRole("heading", { name: "This link was withdrawn" })).toBeVisible();
    await expect(visit.getByRole("button", { name: "Connect to Zoom" })).toHaveCount(0);
  }
  await visit.goto(kept);
  await expect(visit.getByRole("button", { name: "Connect to Zoom" })).toBeVisible();
  await stranger.close();
});
