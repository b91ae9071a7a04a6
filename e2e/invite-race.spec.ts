import { expect, test, type Browser, type Page } from "@playwright/test";
import { hashInviteToken } from "../lib/members/invite-token";
import { createUser, createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import { seedInvite } from "./support/seed";
import { createInviteLink } from "./support/invite";

// One invite link, pressed in several browsers at the same moment: the
// conditional claim on the invite lets exactly one of them in. An invite is
// for one address, so the racers are the invitee's own tabs or devices (a
// leaked link used under another address is refused outright: invite.spec.ts).

const USED = "This invite link has already been used. Ask the person who sent it for a new one.";
const RACERS = 3;

/** Where a racer ended up: in the workspace, told that the link was used, or (a failure) some other message. */
async function outcomeOf(racer: Page, slug: string): Promise<string> {
  const joined = new RegExp(`/w/${slug}/credentials$`);
  let outcome = "pending";
  await expect
    .poll(
      async () => {
        if (joined.test(racer.url())) return (outcome = "joined");
        // Only the page's own alerts (Next's route announcer is one too, outside main). Its text is
        // read once and judged from that reading: an alert that appears between two looks is not
        // taken for "some other message".
        const alert = racer.getByRole("main").getByRole("alert");
        const said = (await alert.count()) > 0 ? ((await alert.first().textContent()) ?? "") : null;
        if (said !== null) outcome = said.includes(USED) ? "refused" : said;
        else if ((await racer.getByText(USED).count()) > 0) outcome = "refused";
        return outcome;
      },
      // Every racer hashes a password and waits its turn for the database on a busy machine.
      { timeout: 40_000 },
    )
    .not.toBe("pending");
  return outcome;
}

async function openInvite(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

test("browsers creating the invited account on one link at the same moment: exactly one joins, the others get a plain message and no second account", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const { owner, workspace } = await createWorkspaceWithOwner();
  await signInByApi(page, owner);
  const { link, email } = await createInviteLink(page, workspace.slug);
  const racers = await Promise.all(Array.from({ length: RACERS }, () => openInvite(browser, link)));
  for (const [i, { page: racer }] of racers.entries()) {
    await racer.getByLabel("Your name").fill(`Racer ${i}`);
    await expect(racer.getByLabel("Email")).toHaveValue(email);
    await racer.getByLabel("Password").fill("a racer's long password");
  }
  const button = `Create account and join ${workspace.name}`;
  await Promise.all(racers.map(({ page: racer }) => racer.getByRole("button", { name: button }).click()));

  const outcomes = await Promise.all(racers.map(({ page: racer }) => outcomeOf(racer, workspace.slug)));
  expect(
    outcomes.filter((o) => o === "joined"),
    outcomes.join(" | "),
  ).toHaveLength(1);
  expect(
    outcomes.filter((o) => o === "refused"),
    outcomes.join(" | "),
  ).toHaveLength(RACERS - 1);

  const members = await testDb().membership.findMany({
    where: { workspaceId: workspace.id },
    select: { role: true, user: { select: { email: true, name: true } } },
  });
  expect(members.map((m) => m.user.email).sort()).toEqual([owner.email, email].sort());
  expect(members.find((m) => m.user.email === email)?.user.name).toBe(`Racer ${outcomes.indexOf("joined")}`);
  // One account for the address: the losers' were rolled back with their failed join.
  expect(await testDb().user.count({ where: { email } })).toBe(1);
  for (const { context } of racers) await context.close();
});

test("the invited person, signed in on several devices, joining with one link at the same moment: one membership", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { owner, workspace } = await createWorkspaceWithOwner();
  const person = await createUser("Signed Racer");
  const invite = await seedInvite(workspace, owner);
  // The seeded invite's token is unknown (only its hash is stored): give it one we know, for her address.
  const token = unique("race-token").replace(/-/g, "") + "abcdefghijkl";
  await testDb().invite.update({
    where: { id: invite.id },
    data: { tokenHash: hashInviteToken(token), email: person.email },
  });

  const racers = await Promise.all(
    Array.from({ length: RACERS }, async () => {
      const context = await browser.newContext();
      const racer = await context.newPage();
      await signInByApi(racer, person);
      await racer.goto(`/invite/${token}`);
      return { context, page: racer };
    }),
  );
  await Promise.all(
    racers.map(({ page: racer }) => racer.getByRole("button", { name: `Join ${workspace.name}` }).click()),
  );
  const outcomes = await Promise.all(racers.map(({ page: racer }) => outcomeOf(racer, workspace.slug)));
  expect(
    outcomes.filter((o) => o === "joined"),
    outcomes.join(" | "),
  ).toHaveLength(1);
  expect(
    outcomes.filter((o) => o === "refused"),
    outcomes.join(" | "),
  ).toHaveLength(RACERS - 1);
  const memberIds = (
    await testDb().membership.findMany({ where: { workspaceId: workspace.id }, select: { userId: true } })
  ).map((m) => m.userId);
  expect(memberIds.sort()).toEqual([owner.id, person.id].sort());
  for (const { context } of racers) await context.close();
});
