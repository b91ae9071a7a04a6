import { expect, type Page } from "@playwright/test";

/** An owner's or admin's page creates a member invite link through the members page. */
export async function createInviteLink(page: Page, slug: string, role = "member"): Promise<string> {
  await page.goto(`/w/${slug}/admin/members`);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  return link;
}
