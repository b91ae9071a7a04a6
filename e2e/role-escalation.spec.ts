import { expect, test, type Page } from "@playwright/test";
import { credentialRow, rewriteActionCalls } from "./support/crafted-requests";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { seedCredential, workspaceSnapshot } from "./support/seed";
import { startOAuthCredential, walkToConnect } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

// Nobody gets more than their role allows by sending what the page does not offer.

/** Adds an option the page does not offer to a select, and chooses it (a crafted form post). */
async function chooseUnofferedOption(page: Page, label: string, value: string) {
  const select = page.getByLabel(label, { exact: true });
  await expect(select.locator(`option[value="${value}"]`)).toHaveCount(0);
  await select.evaluate((element, option) => {
    (element as HTMLSelectElement).add(new Option(option, option));
  }, value);
  await select.selectOption(value);
}

const membershipOf = (workspaceId: string, userId: string) =>
  testDb().membership.findFirstOrThrow({ where: { workspaceId, userId } });

test("an admin cannot invite an owner, promote someone to owner, or change or remove an owner — even with crafted requests", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { owner, workspace } = await createWorkspaceWithOwner();
  const admin = await addMember(workspace, "admin", "Ada Admin");
  const member = await addMember(workspace, "member", "Mia Member");
  const ownerMembership = await membershipOf(workspace.id, owner.id);
  const memberMembership = await membershipOf(workspace.id, member.id);
  await signInByApi(page, admin);
  const before = await workspaceSnapshot(workspace.id);
  const members = `/w/${workspace.slug}/admin/members`;

  await page.goto(members);
  await page.getByLabel("Email", { exact: true }).fill("would-be-owner@example.com");
  await chooseUnofferedOption(page, "Role", "owner");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Only an owner can invite another owner." }),
  ).toBeVisible();

  await page.goto(members);
  await chooseUnofferedOption(page, `Role of ${member.name}`, "owner");
  await page.getByRole("button", { name: `Save role of ${member.name}` }).click();
  await expect(page.getByText("Only an owner can make someone an owner.")).toBeVisible();

  // The owner's row offers nothing to an admin; a request naming the owner is refused.
  await page.goto(members);
  await expect(page.getByRole("row").filter({ hasText: owner.email })).toContainText(
    "Only owners can change owners",
  );
  const calls = await rewriteActionCalls(page, { [memberMembership.id]: ownerMembership.id });
  await page.getByLabel(`Role of ${member.name}`, { exact: true }).selectOption("member");
  await page.getByRole("button", { name: `Save role of ${member.name}` }).click();
  await expect(page.getByText("Only an owner can change or remove another owner.")).toBeVisible();
  await page.goto(members);
  await page
    .getByRole("row")
    .filter({ hasText: member.email })
    .getByRole("button", { name: "Remove", exact: true })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText("Only an owner can change or remove another owner.")).toBeVisible();
  expect(calls.rewritten()).toBe(2);

  expect(await workspaceSnapshot(workspace.id)).toEqual(before);
});

test("a member cannot start connecting someone else's credential: not found, no handshake prepared", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const member = await addMember(workspace, "member", "Mia Member");
  const theirs = await seedCredential(workspace, owner, {
    name: "Owner's Zoom",
    method: "oauth",
    wizardStep: "scopes",
  });
  const mine = await seedCredential(workspace, member, {
    name: "Mia's Zoom",
    method: "oauth",
    wizardStep: "scopes",
  });
  await signInByApi(page, member);
  const before = await workspaceSnapshot(workspace.id);
  const calls = await rewriteActionCalls(page, { [mine.id]: theirs.id });
  await page.goto(`/w/${workspace.slug}/credentials/${mine.id}/setup/connect`);
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(
    page.getByText("That credential does not exist, or you do not have access to it."),
  ).toBeVisible();
  expect(calls.rewritten()).toBe(1);
  expect((await page.context().cookies()).some((c) => c.name === "zcw-zoom-connect")).toBe(false);
  expect(await workspaceSnapshot(workspace.id)).toEqual(before);
});

test("an admin connecting a member's credential who is made a member before coming back from Zoom: nothing is stored", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const { workspace } = await createWorkspaceWithOwner();
  const admin = await addMember(workspace, "admin", "Ada Admin");
  const member = await addMember(workspace, "member", "Mia Member");
  const { app } = await createZoomApp();
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signInByApi(memberPage, member);
  const run = await startOAuthCredential(memberPage, workspace.slug, "Mia's Zoom");
  await walkToConnect(memberPage, run, app);
  await memberContext.close();

  // Admins may connect any credential of the workspace: this one starts the handshake…
  await signInByApi(page, admin);
  await page.goto(run.step("connect"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  const before = await credentialRow(run.credentialId);
  // …and is made a plain member while on Zoom's page.
  await testDb().membership.update({
    where: { id: (await membershipOf(workspace.id, admin.id)).id },
    data: { role: "member" },
  });
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await zoom.counters(app.clientId)).token.authorization_code).toBe(0);
  expect(await credentialRow(run.credentialId)).toEqual(before);
});
