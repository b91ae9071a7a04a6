import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, unique } from "./support/factory";

test("an admin's invite link lets a new person join once, as a member", async ({ page, browser }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  await page.goto(`/w/${workspace.slug}/admin/members`);
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByRole("button", { name: "Copy Invite link" })).toBeVisible();

  // The invitee has no account and their own browser.
  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByRole("heading", { name: `Join ${workspace.name}` })).toBeVisible();
  await expect(invitePage.getByText("You are invited as Member")).toBeVisible();
  await invitePage.getByLabel("Your name").fill("Nina Newcomer");
  await invitePage.getByLabel("Email").fill(`${unique("nina")}@example.com`);
  await invitePage.getByLabel("Password").fill("nina's long password");
  await invitePage.getByRole("button", { name: `Create account and join ${workspace.name}` }).click();
  await expect(invitePage).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));

  // A member sees no admin navigation, and admin pages say "not allowed".
  const nav = invitePage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Credentials" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  for (const adminPage of ["members", "audit", "accounts", "api-keys"]) {
    const response = await invitePage.goto(`/w/${workspace.slug}/admin/${adminPage}`);
    expect(response?.status()).toBe(403);
    await expect(invitePage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }

  // The link worked once.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByText("This invite link has already been used.")).toBeVisible();

  // The owner sees the new member and the audit trail.
  await page.goto(`/w/${workspace.slug}/admin/members`);
  await expect(page.getByRole("cell", { name: "Nina Newcomer", exact: true })).toBeVisible();
  await page.goto(`/w/${workspace.slug}/admin/audit`);
  await expect(page.getByRole("cell", { name: "joined the workspace", exact: true })).toBeVisible();
  await invitee.close();
  await stranger.close();
});
