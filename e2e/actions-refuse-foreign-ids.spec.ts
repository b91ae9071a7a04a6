import { expect, test, type Page } from "@playwright/test";
import { rewriteActionCalls } from "./support/crafted-requests";
import {
  addMember,
  createWorkspaceWithOwner,
  signInByApi,
  testDb,
  unique,
  type TestUser,
  type TestWorkspace,
} from "./support/factory";
import { seedApiKey, seedCredential, seedInvite, workspaceSnapshot } from "./support/seed";

// Every server action called through Next's own action endpoint, by a signed-in
// person pressing a button on something of their own — with the request
// rewritten on the wire to name another workspace's (or another member's)
// ids. Each must answer "not found" and change nothing anywhere.

const NOT_YOUR_CREDENTIAL = "That credential does not exist, or you do not have access to it.";
const NOT_YOUR_WORKSPACE = "That page does not exist, or you do not have access to it.";

/** A workspace with one of everything an action can touch. */
async function populatedWorkspace(label: string) {
  const { owner, workspace } = await createWorkspaceWithOwner(unique(label));
  const admin = await addMember(workspace, "admin", `${label} Admin`);
  const credentials = {
    live: await seedCredential(workspace, owner, {
      name: `${label} live`,
      method: "oauth",
      status: "connected",
      wizardStep: "connect",
    }),
    oauth: await seedCredential(workspace, owner, {
      name: `${label} draft`,
      method: "oauth",
      wizardStep: "scopes",
    }),
    s2s: await seedCredential(workspace, owner, {
      name: `${label} s2s`,
      method: "s2s",
      wizardStep: "s2s-activate",
    }),
    token: await seedCredential(workspace, owner, {
      name: `${label} token`,
      method: "access_token",
      wizardStep: "jwt-paste",
    }),
  };
  const adminMembership = await testDb().membership.findFirstOrThrow({
    where: { workspaceId: workspace.id, userId: admin.id },
  });
  return {
    owner,
    workspace,
    admin,
    adminMembership,
    credentials,
    invite: await seedInvite(workspace, owner),
    apiKey: await seedApiKey(workspace, owner),
  };
}
type Populated = Awaited<ReturnType<typeof populatedWorkspace>>;

/** The attacker's ids → the victim's, for every kind of row. */
function idMap(mine: Populated, theirs: Populated): Record<string, string> {
  return {
    [mine.credentials.live.id]: theirs.credentials.live.id,
    [mine.credentials.oauth.id]: theirs.credentials.oauth.id,
    [mine.credentials.s2s.id]: theirs.credentials.s2s.id,
    [mine.credentials.token.id]: theirs.credentials.token.id,
    [mine.adminMembership.id]: theirs.adminMembership.id,
    [mine.invite.id]: theirs.invite.id,
    [mine.apiKey.id]: theirs.apiKey.id,
  };
}

async function expectRefused(page: Page, message: string) {
  await expect(page.getByText(message)).toBeVisible();
}

async function confirm(page: Page, button: string, confirmLabel: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: confirmLabel }).click();
}

/** The credential page's five actions, each on the attacker's own credential. */
async function credentialPageActions(page: Page, url: string, message: string) {
  await page.goto(url);
  await page.getByLabel("Credential name").fill("Hijacked name");
  await page.getByRole("button", { name: "Save name" }).click();
  await expectRefused(page, message);

  await page.goto(url);
  await page.getByLabel("Client Secret").fill("AttackersOwnSecret0123456789");
  await page.getByRole("button", { name: "Save new secret" }).click();
  await expectRefused(page, message);

  await page.goto(url);
  await page
    .getByRole("region", { name: "Connection" })
    .getByRole("button", { name: "Test connection" })
    .click();
  await expectRefused(page, message);

  await page.goto(url);
  await confirm(page, "Disconnect", "Disconnect");
  await expectRefused(page, message);

  await page.goto(url);
  await confirm(page, "Delete", "Delete credential");
  await expectRefused(page, message);
  return 5;
}

/** Each wizard's actions, on the attacker's own drafts. */
async function wizardActions(page: Page, slug: string, mine: Populated, message: string) {
  const step = (id: string, key: string) => `/w/${slug}/credentials/${id}/setup/${key}`;
  const { oauth, s2s, token } = mine.credentials;

  await page.goto(step(oauth.id, "marketplace"));
  await page.getByRole("button", { name: "Next" }).click();
  await expectRefused(page, message);

  await page.goto(step(oauth.id, "credentials"));
  await page.getByLabel("Client ID").fill("AttackerClientId01");
  await page.getByLabel("Client Secret").fill("AttackerClientSecret0123456");
  await page.getByRole("button", { name: "Next" }).click();
  await expectRefused(page, message);

  await page.goto(step(oauth.id, "scopes"));
  await page.getByRole("button", { name: "Next" }).click();
  await expectRefused(page, message);

  await page.goto(step(oauth.id, "connect"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expectRefused(page, message);
  // No handshake was prepared for anyone.
  expect((await page.context().cookies()).some((c) => c.name === "zcw-zoom-connect")).toBe(false);

  await page.goto(step(s2s.id, "s2s-credentials"));
  await page.getByLabel("Account ID").fill("AttackerAccount01");
  await page.getByLabel("Client ID").fill("AttackerClientId01");
  await page.getByLabel("Client Secret").fill("AttackerClientSecret0123456");
  await page.getByRole("button", { name: "Next" }).click();
  await expectRefused(page, message);

  await page.goto(step(s2s.id, "s2s-connect"));
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expectRefused(page, message);

  await page.goto(step(token.id, "jwt-notice"));
  await page.getByRole("button", { name: "Use Server-to-Server OAuth instead" }).click();
  await expectRefused(page, message);

  await page.goto(step(token.id, "jwt-paste"));
  await page.getByLabel("Access token").fill("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl");
  await page.getByRole("button", { name: "Next" }).click();
  await expectRefused(page, message);

  await page.goto(step(token.id, "jwt-test"));
  await page.getByRole("button", { name: "Test connection" }).click();
  await expectRefused(page, message);
  return 9;
}

async function attackerAndVictim(page: Page) {
  const victim = await populatedWorkspace("Victim");
  const mine = await populatedWorkspace("Mine");
  await signInByApi(page, mine.owner);
  const before = {
    victim: await workspaceSnapshot(victim.workspace.id),
    mine: await workspaceSnapshot(mine.workspace.id),
  };
  const unchanged = async () => {
    expect(await workspaceSnapshot(victim.workspace.id)).toEqual(before.victim);
    expect(await workspaceSnapshot(mine.workspace.id)).toEqual(before.mine);
  };
  return { victim, mine, unchanged };
}

test("credential actions (rename, replace secret, test, disconnect, delete) with another workspace's credential id: not found, nothing changes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { victim, mine, unchanged } = await attackerAndVictim(page);
  const calls = await rewriteActionCalls(page, idMap(mine, victim));
  const sent = await credentialPageActions(
    page,
    `/w/${mine.workspace.slug}/credentials/${mine.credentials.live.id}`,
    NOT_YOUR_CREDENTIAL,
  );
  expect(calls.rewritten()).toBe(sent);
  await unchanged();
});

test("the same actions naming another workspace's slug as well: not found, nothing changes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { victim, mine, unchanged } = await attackerAndVictim(page);
  const calls = await rewriteActionCalls(page, {
    ...idMap(mine, victim),
    [mine.workspace.slug]: victim.workspace.slug,
  });
  const sent = await credentialPageActions(
    page,
    `/w/${mine.workspace.slug}/credentials/${mine.credentials.live.id}`,
    NOT_YOUR_WORKSPACE,
  );
  expect(calls.rewritten()).toBe(sent);
  await unchanged();
});

test("every wizard action (next, save keys, save scopes, prepare connect, S2S save and connect, switch, paste and test a token) with another workspace's ids: not found, nothing changes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { victim, mine, unchanged } = await attackerAndVictim(page);
  const calls = await rewriteActionCalls(page, idMap(mine, victim));
  const sent = await wizardActions(page, mine.workspace.slug, mine, NOT_YOUR_CREDENTIAL);
  expect(calls.rewritten()).toBe(sent);
  await unchanged();
});

test("admin actions (test, refresh, disconnect a row; change a role, remove a member, withdraw an invite, revoke an API key) with another workspace's ids: refused, nothing changes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { victim, mine, unchanged } = await attackerAndVictim(page);
  const calls = await rewriteActionCalls(page, idMap(mine, victim));
  const name = mine.credentials.live.name;

  const accounts = `/w/${mine.workspace.slug}/credentials?q=${encodeURIComponent(name)}`;
  // Row actions live in the row's menu ("Actions for <name>").
  const fromMenu = async (item: string) => {
    await page.goto(accounts);
    await page.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menu").getByRole("menuitem", { name: item, exact: true }).click();
  };
  for (const item of [`Test ${name}`, `Refresh ${name} now`]) {
    await fromMenu(item);
    await expectRefused(page, NOT_YOUR_CREDENTIAL);
  }
  await fromMenu(`Disconnect ${name}`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect", exact: true }).click();
  await expectRefused(page, NOT_YOUR_CREDENTIAL);

  const members = `/w/${mine.workspace.slug}/admin/members`;
  await page.goto(members);
  await page.getByLabel(`Role of ${mine.admin.name}`, { exact: true }).selectOption("member");
  await page.getByRole("button", { name: `Save role of ${mine.admin.name}` }).click();
  await expectRefused(page, "That person is no longer a member of this workspace.");

  await page.goto(members);
  await page
    .getByRole("row")
    .filter({ hasText: mine.admin.name })
    .getByRole("button", { name: "Remove", exact: true })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expectRefused(page, "That person is no longer a member of this workspace.");

  await page.goto(members);
  await confirm(page, "Withdraw", "Withdraw invite");
  await expectRefused(page, "That invite was already used or withdrawn.");

  await page.goto(`/w/${mine.workspace.slug}/admin/api-keys`);
  await confirm(page, "Revoke", "Revoke key");
  await expectRefused(page, "That API key does not exist.");

  expect(calls.rewritten()).toBe(7);
  await unchanged();
});

async function memberOf(
  workspace: TestWorkspace,
  name: string,
): Promise<{ user: TestUser; credentials: Populated["credentials"] }> {
  const user = await addMember(workspace, "member", name);
  const seed = (data: Parameters<typeof seedCredential>[2]) => seedCredential(workspace, user, data);
  return {
    user,
    credentials: {
      live: await seed({ name: `${name} live`, method: "oauth", status: "connected", wizardStep: "connect" }),
      oauth: await seed({ name: `${name} draft`, method: "oauth", wizardStep: "scopes" }),
      s2s: await seed({ name: `${name} s2s`, method: "s2s", wizardStep: "s2s-activate" }),
      token: await seed({ name: `${name} token`, method: "access_token", wizardStep: "jwt-paste" }),
    },
  };
}

test("a member calling every credential and wizard action with a fellow member's credential ids: not found, nothing changes", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { workspace } = await createWorkspaceWithOwner();
  const other = await memberOf(workspace, "Otto Other");
  const me = await memberOf(workspace, "Mira Member");
  await signInByApi(page, me.user);
  const before = await workspaceSnapshot(workspace.id);
  const map = Object.fromEntries(
    (["live", "oauth", "s2s", "token"] as const).map((key) => [
      me.credentials[key].id,
      other.credentials[key].id,
    ]),
  );
  const calls = await rewriteActionCalls(page, map);
  const url = `/w/${workspace.slug}/credentials/${me.credentials.live.id}`;
  const sent =
    (await credentialPageActions(page, url, NOT_YOUR_CREDENTIAL)) +
    (await wizardActions(
      page,
      workspace.slug,
      { credentials: me.credentials } as Populated,
      NOT_YOUR_CREDENTIAL,
    ));
  expect(calls.rewritten()).toBe(sent);
  expect(await workspaceSnapshot(workspace.id)).toEqual(before);
});
