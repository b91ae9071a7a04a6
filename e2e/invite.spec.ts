import { expect, test } from "@playwright/test";
import { createUser, createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import { rewriteActionCalls } from "./support/crafted-requests";
import { createInviteLink } from "./support/invite";

const wrongAddress = (email: string) =>
  `This invite is for ${email}. Join with that address, or ask the person who sent it for an invite to yours.`;

test("an admin's invite link for one email lets that person join once, as a member", async ({
  page,
  browser,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  const nina = `${unique("nina")}@example.com`;
  await page.goto(`/w/${workspace.slug}/admin/members`);
  await page.getByLabel("Email", { exact: true }).fill(nina.toUpperCase());
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByRole("button", { name: "Copy Invite link" })).toBeVisible();
  await expect(page.getByText(`Send this link to ${nina}, invited as Member.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("table", { name: "Open invite links" })).toContainText(nina);

  // The invitee has no account and their own browser; the invite's address is filled in.
  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByRole("heading", { name: `Join ${workspace.name}` })).toBeVisible();
  await expect(invitePage.getByText(`This invite is for ${nina}, as Member.`)).toBeVisible();
  await expect(invitePage.getByLabel("Email")).toHaveValue(nina);
  await invitePage.getByLabel("Your name").fill("Nina Newcomer");
  await invitePage.getByLabel("Password").fill("nina's long password");
  await invitePage.getByRole("button", { name: `Create account and join ${workspace.name}` }).click();
  await expect(invitePage).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));

  // A member sees no admin navigation, and admin pages say "not allowed".
  const nav = invitePage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Credentials" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(invitePage.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  // "accounts": the old admin list, now a redirect to the admins' view of Credentials.
  for (const adminPage of ["admin", "admin/members", "admin/audit", "admin/accounts", "admin/api-keys"]) {
    const response = await invitePage.goto(`/w/${workspace.slug}/${adminPage}`);
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

test("someone holding the link cannot join under another address, and learns nothing about which addresses have accounts", async ({
  page,
  browser,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const registered = await createUser("Rita Registered");
  await signInByApi(page, owner);
  const { link, email } = await createInviteLink(page, workspace.slug);

  const squatter = await browser.newContext();
  const visit = await squatter.newPage();
  const answers: string[] = [];
  const join = visit.getByRole("button", { name: `Create account and join ${workspace.name}` });
  // An address nobody has, and one that has an account here: the same answer, naming only the invite's.
  for (const other of [`${unique("squat")}@example.com`, registered.email]) {
    await visit.goto(link);
    await visit.getByLabel("Your name").fill("Sam Squatter");
    await visit.getByLabel("Email").fill(other);
    await visit.getByLabel("Password").fill("a squatter's long password");
    await join.click();
    const alert = visit.getByRole("main").getByRole("alert").first();
    await expect(alert).toHaveText(wrongAddress(email));
    await expect(join).toBeEnabled();
    answers.push(await visit.getByRole("main").innerText());
    await expect(visit.getByText("already has an account")).toHaveCount(0);
  }
  expect(answers[0]).toBe(answers[1]);
  expect(await testDb().user.count({ where: { name: "Sam Squatter" } })).toBe(0);
  expect(await testDb().membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
  await squatter.close();

  // Signed in under another address: told so before any button, and a crafted join is refused too.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInByApi(otherPage, registered);
  await otherPage.goto(link);
  await expect(otherPage.getByRole("main").getByRole("status")).toContainText(wrongAddress(email));
  await expect(otherPage.getByRole("button", { name: `Join ${workspace.name}` })).toHaveCount(0);
  // Crafted: the Join button of an invite for her own address, sent naming the other invite.
  const own = await createInviteLink(page, workspace.slug, "member", registered.email);
  const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
  const crafted = await rewriteActionCalls(otherPage, { [tokenOf(own.link)]: tokenOf(link) });
  await otherPage.goto(own.link);
  await otherPage.getByRole("button", { name: `Join ${workspace.name}` }).click();
  await expect(otherPage.getByRole("main").getByRole("alert")).toHaveText(wrongAddress(email));
  expect(crafted.rewritten()).toBe(1);
  expect(await testDb().membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
  await other.close();

  // The invite still works for its own address.
  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await invitePage.getByLabel("Your name").fill("Ivy Invitee");
  await invitePage.getByLabel("Password").fill("ivy's long password");
  await invitePage.getByRole("button", { name: `Create account and join ${workspace.name}` }).click();
  await expect(invitePage).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));
  await invitee.close();
});
