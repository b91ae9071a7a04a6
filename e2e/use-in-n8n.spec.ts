import { expect, test, type Page } from "@playwright/test";
import { decrypt } from "../lib/crypto";
import { credentialSecretContext } from "../lib/crypto/encrypted-columns";
import { heldToken, startFakeN8n, type FakeN8n } from "../testing/n8n/fake-n8n";
import { createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import { eventually } from "./support/notifications";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp } from "./support/zoom";

// n8n's own Zoom node uses a connection made here: the app keeps an n8n
// credential's token fresh. n8n is the fake of its public API (the real one:
// npm run check:n8n), started by this spec; the app reaches it on loopback.
let fake: FakeN8n;
test.beforeAll(async () => {
  fake = await startFakeN8n();
});
test.afterAll(() => fake.close());

async function storedAccessToken(id: string): Promise<string> {
  const row = await testDb().credential.findUniqueOrThrow({
    where: { id },
    select: { accessTokenEnc: true },
  });
  return decrypt(row.accessTokenEnc!, credentialSecretContext(id, "accessTokenEnc"));
}

/** The token runs out: the next Test connection renews it (as the keeper would, ahead of time). */
async function renewThroughTheApp(page: Page, id: string): Promise<string> {
  const before = await storedAccessToken(id);
  await testDb().credential.update({
    where: { id },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
  });
  await page.getByRole("button", { name: "Test connection" }).click();
  await eventually(async () => expect(await storedAccessToken(id)).not.toBe(before));
  return storedAccessToken(id);
}

test("an admin adds n8n, a connection is used in n8n, every renewal reaches n8n, and stopping empties it", async ({
  page,
}) => {
  test.slow();
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);

  // Admin → n8n: a key without credential:update is refused, naming the scope.
  await page.goto(`/w/${workspace.slug}/admin/n8n`);
  await page.getByLabel("n8n URL").fill(fake.url);
  await page.getByLabel("n8n API key").fill(fake.key(["credential:read", "credential:create"]));
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByText(/lacks the scope credential:update/)).toBeVisible();
  await page.getByLabel("n8n API key").fill(fake.key());
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByText(/n8n accepted the key/)).toBeVisible();
  await expect(page.getByLabel("n8n API key")).toHaveValue(""); // never shown again

  const name = unique("Meetings Zoom");
  const id = await connectOAuthCredential(page, workspace.slug, app, name);
  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  const n8n = page.getByRole("region", { name: "n8n" });
  await n8n.getByRole("button", { name: "Use in n8n" }).click();
  await expect(n8n.getByText(/n8n created the credential and stored the token/).first()).toBeVisible();
  const link = await testDb().n8nLink.findUniqueOrThrow({ where: { credentialId: id } });
  expect(link.n8nCredentialName).toBe(name);
  expect(fake.credentials.get(link.n8nCredentialId)).toMatchObject({ name, type: "zoomOAuth2Api" });
  expect(heldToken(fake, link.n8nCredentialId)).toBe(await storedAccessToken(id));
  await page.reload();
  await expect(n8n.getByText(`“${name}”`)).toBeVisible();
  await expect(n8n.getByText("n8n’s last answer")).toBeVisible();

  // A renewal is pushed at once, by the instance that renewed.
  const second = await renewThroughTheApp(page, id);
  await expect.poll(() => heldToken(fake, link.n8nCredentialId), { timeout: 30_000 }).toBe(second);

  // n8n stops taking tokens (an n8n 2.39.0–2.39.8): the page and a notice say so in words.
  fake.setVersion("2.39.5");
  await page.reload();
  const third = await renewThroughTheApp(page, id);
  await eventually(async () => {
    await page.reload();
    await expect(page.getByText(/could not give n8n the new token/)).toBeVisible();
  });
  await expect(n8n.getByText(/upgrade n8n to 2.39.9 or later/)).toBeVisible();
  fake.setVersion("2.41.1");
  await expect.poll(() => heldToken(fake, link.n8nCredentialId), { timeout: 30_000 }).toBe(third);
  await page.reload();
  await expect(page.getByText(/could not give n8n the new token/)).toHaveCount(0);

  // Stop using in n8n: the token in n8n is emptied, Zoom is not touched.
  await n8n.getByRole("button", { name: "Stop using in n8n" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Stop using in n8n" }).click();
  await expect(page.getByText(/was emptied/)).toBeVisible();
  expect(heldToken(fake, link.n8nCredentialId)).toBe("");
  expect((await testDb().credential.findUniqueOrThrow({ where: { id } })).status).toBe("connected");
  for (const request of fake.requests) expect(request.body).not.toContain("refresh");
});
