import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";

/** The page may not scroll sideways: the navigations scroll inside themselves on a phone. */
async function pageWidthOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function look(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    expect.soft(await pageWidthOverflow(page), `${name} at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const ADMIN_PAGES = [
  { link: "Members", path: "admin/members", heading: "Members" },
  { link: "API keys", path: "admin/api-keys", heading: "API keys" },
  { link: "Webhooks", path: "admin/webhooks", heading: "Webhooks" },
  { link: "n8n", path: "admin/n8n", heading: "n8n" },
  { link: "Audit log", path: "admin/audit", heading: "Audit log" },
];

test("an owner finds every page through four doors, the admin pages behind one; axe finds nothing", async ({
  page,
}) => {
  test.slow(); // axe reads every page twice, and each is photographed at two widths
  const { owner, workspace } = await createWorkspaceWithOwner();
  const member = await addMember(workspace, "member", "Mia Member");
  await testDb().credential.createMany({
    data: [
      { name: "Sales Zoom", status: "connected", zoomEmail: "sales@zoom-user.example" },
      { name: "Half done", status: "draft", zoomEmail: null },
      { name: "Broken one", status: "needs_reconnect", zoomEmail: "broken@zoom-user.example" },
    ].map((c) => ({ ...c, workspaceId: workspace.id, ownerId: member.id, method: "oauth" })),
  });
  await signInByApi(page, owner);
  const base = `/w/${workspace.slug}`;
  await page.goto(`${base}/credentials`);

  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link")).toHaveText(["Credentials", "Zoom apps", "Admin", "Notifications"]);
  await expect(main.getByRole("link", { name: "Credentials" })).toHaveAttribute("aria-current", "page");
  // The one list of credentials, with the admins' columns and filters.
  await expect(page.getByRole("heading", { name: "Credentials", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Filter credentials" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Broken one/ })).toContainText("Mia Member");
  await expectNoAxeViolations(page, "Credentials (owner)");
  await look(page, "owner-credentials");

  await main.getByRole("link", { name: "Zoom apps" }).click();
  await expect(page).toHaveURL(`${base}/apps`);
  await expect(main.getByRole("link", { name: "Zoom apps" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page, "Zoom apps");
  await look(page, "owner-apps");

  await main.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(`${base}/admin/members`);
  const admin = page.getByRole("navigation", { name: "Admin" });
  await expect(admin.getByRole("link")).toHaveText(ADMIN_PAGES.map((p) => p.link));
  for (const adminPage of ADMIN_PAGES) {
    await admin.getByRole("link", { name: adminPage.link }).click();
    await expect(page).toHaveURL(`${base}/${adminPage.path}`);
    await expect(page.getByRole("heading", { name: adminPage.heading, level: 1 })).toBeVisible();
    await expect(admin.getByRole("link", { name: adminPage.link })).toHaveAttribute("aria-current", "page");
    // Still one door in the main navigation.
    await expect(main.getByRole("link", { name: "Admin" })).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page, adminPage.link);
    await look(page, `owner-${adminPage.path.replace("/", "-")}`);
  }

  await main.getByRole("link", { name: "Notifications" }).click();
  await expect(page).toHaveURL(`${base}/settings/notifications`);
  await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  await expectNoAxeViolations(page, "Notifications (owner)");
});

test("a member sees two doors and their own credentials; axe finds nothing", async ({ page }) => {
  const { workspace } = await createWorkspaceWithOwner();
  const member = await addMember(workspace, "member", "Max Member");
  await testDb().credential.createMany({
    data: [
      { name: "My Zoom", status: "connected", ownerId: member.id, zoomEmail: "max@zoom-user.example" },
      { name: "My draft", status: "draft", ownerId: member.id, zoomEmail: null },
    ].map((c) => ({ ...c, workspaceId: workspace.id, method: "oauth" })),
  });
  await signInByApi(page, member);
  await page.goto(`/w/${workspace.slug}/credentials`);
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link")).toHaveText(["Credentials", "Notifications"]);
  // A member's list: their own, no filters, a way back into the draft.
  await expect(page.getByRole("form", { name: "Filter credentials" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Continue setup of My draft" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open My Zoom" })).toBeVisible();
  await expectNoAxeViolations(page, "Credentials (member)");
  await look(page, "member-credentials");
  await main.getByRole("link", { name: "Notifications" }).click();
  await expectNoAxeViolations(page, "Notifications (member)");
  await look(page, "member-notifications");
});
