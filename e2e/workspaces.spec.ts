import { expect, test } from "@playwright/test";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";

test("a person of another workspace gets 404 for this workspace's pages", async ({ page }) => {
  const acme = await createWorkspaceWithOwner();
  const other = await createWorkspaceWithOwner();
  await signInByApi(page, other.owner);
  for (const path of ["credentials", "admin/members", "admin/audit"]) {
    const response = await page.goto(`/w/${acme.workspace.slug}/${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(acme.workspace.name)).toHaveCount(0);
  }
});

test("someone in two workspaces switches between them", async ({ page }) => {
  const first = await createWorkspaceWithOwner();
  const second = await createWorkspaceWithOwner();
  await testDb().membership.create({
    data: { workspaceId: second.workspace.id, userId: first.owner.id, role: "member" },
  });
  await signInByApi(page, first.owner);
  await page.goto(`/w/${first.workspace.slug}/credentials`);
  await page.getByRole("button", { name: `Workspace: ${first.workspace.name}. Switch workspace` }).click();
  await page.getByRole("menuitem", { name: second.workspace.name }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${second.workspace.slug}/credentials$`));
  // A member there: no admin pages.
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Credentials" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(main.getByRole("link", { name: "Zoom apps" })).toHaveCount(0);
});

test("admins change roles and remove members; the last owner stays", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await addMember(workspace, "member", "Remy Removable");
  await addMember(workspace, "member", "Ada Promoted");
  await signInByApi(page, owner);
  await page.goto(`/w/${workspace.slug}/admin/members`);

  await page.getByLabel("Role of Ada Promoted", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Save role of Ada Promoted" }).click();
  await expect(
    page.getByRole("row", { name: /Ada Promoted/ }).getByRole("cell", { name: "Admin", exact: true }),
  ).toBeVisible();

  await page
    .getByRole("row", { name: /Remy Removable/ })
    .getByRole("button", { name: "Remove" })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("cell", { name: "Remy Removable" })).toHaveCount(0);

  // The only owner cannot demote or remove themself.
  await page.getByLabel(`Role of ${owner.name}`, { exact: true }).selectOption("member");
  await page.getByRole("button", { name: `Save role of ${owner.name}` }).click();
  await expect(
    page.getByText("A workspace needs at least one owner. Make someone else an owner first."),
  ).toBeVisible();
  await page
    .getByRole("row", { name: new RegExp(owner.name) })
    .getByRole("button", { name: "Remove" })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(
    page.getByText("A workspace needs at least one owner. Make someone else an owner first."),
  ).toBeVisible();
});
