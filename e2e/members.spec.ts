import { expect, test, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { createInvite } from "../lib/members/create-invite";
import {
  addMember,
  createWorkspaceWithOwner,
  signInByApi,
  testDb,
  unique,
  type TestUser,
  type TestWorkspace,
} from "./support/factory";
import { E2E_APP_URL } from "./support/test-env";

/** An admin who made two API keys and an admin invite link, as in the report. */
async function adminWithKeysAndInvite(workspace: TestWorkspace, name: string) {
  const admin = await addMember(workspace, "admin", name);
  const ctx = {
    user: { id: admin.id, name: admin.name, email: admin.email },
    workspace,
    role: "admin" as const,
  };
  const keys = [
    (await createApiKey(testDb(), ctx, { name: `${name} n8n` })).key,
    (await createApiKey(testDb(), ctx, { name: `${name} zapier` })).key,
  ];
  const { token } = await createInvite(testDb(), ctx, {
    role: "admin",
    email: `${unique("new-admin")}@example.com`,
  });
  return { admin, keys, inviteLink: `${E2E_APP_URL}/invite/${token}` };
}

const tokenApiStatus = async (page: Page, key: string) =>
  (await page.request.get("/api/v1/credentials", { headers: { Authorization: `Bearer ${key}` } })).status();

async function openRemoveDialog(page: Page, workspace: TestWorkspace, person: TestUser) {
  await page.goto(`/w/${workspace.slug}/admin/members`);
  await page
    .getByRole("row", { name: new RegExp(person.name) })
    .getByRole("button", { name: "Remove" })
    .click();
  return page.getByRole("alertdialog");
}

test("removing an admin withdraws their invite links and, by default, their API keys", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { admin, keys, inviteLink } = await adminWithKeysAndInvite(workspace, "Ada Admin");
  expect(await tokenApiStatus(page, keys[0]!)).toBe(200);
  await signInByApi(page, owner);

  const dialog = await openRemoveDialog(page, workspace, admin);
  const revokeKeys = dialog.getByRole("checkbox", { name: /Also revoke the 2 API keys Ada Admin created/ });
  await expect(revokeKeys).toBeChecked();
  await expect(dialog).toContainText("“Ada Admin n8n”, “Ada Admin zapier”");
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("cell", { name: "Ada Admin" })).toHaveCount(0);

  for (const key of keys) expect(await tokenApiStatus(page, key)).toBe(401);
  await page.goto(inviteLink);
  await expect(page.getByText("This invite link was withdrawn.")).toBeVisible();
});

test("keys kept on removal are flagged on the API keys page; a demoted admin's invites stop working", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const leaver = await adminWithKeysAndInvite(workspace, "Lee Leaver");
  const demoted = await adminWithKeysAndInvite(workspace, "Dee Demoted");
  await signInByApi(page, owner);

  // Removed, keys deliberately kept: they still work, and the page says whose they were.
  const dialog = await openRemoveDialog(page, workspace, leaver.admin);
  await dialog.getByRole("checkbox", { name: /Also revoke the 2 API keys Lee Leaver created/ }).uncheck();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("cell", { name: "Lee Leaver" })).toHaveCount(0);
  expect(await tokenApiStatus(page, leaver.keys[0]!)).toBe(200);
  await page.goto(`/w/${workspace.slug}/admin/api-keys`);
  const leaverRow = page.getByRole("row", { name: /Lee Leaver n8n/ });
  await expect(leaverRow).toContainText("Lee Leaver");
  await expect(leaverRow).toContainText("no longer in this workspace");
  await expect(page.getByRole("row", { name: /Dee Demoted n8n/ })).not.toContainText(
    "no longer in this workspace",
  );

  // Demoted to member: the admin invite link dies; the keys go too, as offered.
  await page.goto(`/w/${workspace.slug}/admin/members`);
  await page.getByLabel("Role of Dee Demoted", { exact: true }).selectOption("member");
  await expect(
    page.getByRole("checkbox", { name: /Also revoke the 2 API keys Dee Demoted created/ }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Save role of Dee Demoted" }).click();
  await expect(
    page.getByRole("row", { name: /Dee Demoted/ }).getByRole("cell", { name: "Member", exact: true }),
  ).toBeVisible();
  for (const key of demoted.keys) expect(await tokenApiStatus(page, key)).toBe(401);
  await page.goto(demoted.inviteLink);
  await expect(page.getByText("This invite link was withdrawn.")).toBeVisible();
});
