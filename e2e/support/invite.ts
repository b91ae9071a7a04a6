import { expect, type Page } from "@playwright/test";
import { unique } from "./factory";

/**
 * An owner's or admin's page creates an invite link for one address through
 * the members page (a new address of its own unless told). Returns the link
 * and the address it is for.
 */
export async function createInviteLink(
  page: Page,
  slug: string,
  role = "member",
  email = `${unique("invitee")}@example.com`,
): Promise<{ link: string; email: string }> {
  await page.goto(`/w/${slug}/admin/members`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  return { link, email };
}
