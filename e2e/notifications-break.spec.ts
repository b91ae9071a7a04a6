import { expect, test } from "@playwright/test";
import { encrypt } from "../lib/crypto";
import { credentialSecretContext } from "../lib/crypto/encrypted-columns";
import { createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import { configureHook, eventually, hookUrl, mailsTo, receivedHooks } from "./support/notifications";
import { E2E_APP_URL } from "./support/test-env";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp } from "./support/zoom";

test("a connection breaks: email and a signed webhook; it is reconnected: email and webhook again", async ({
  page,
}) => {
  test.slow();
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  const hook = unique("hook");
  await signInByApi(page, owner);

  await page.goto(`/w/${workspace.slug}/admin/webhooks`);
  await page.getByLabel("Webhook URL").fill(hookUrl(hook));
  await page.getByRole("button", { name: "Save webhook" }).click();
  await configureHook(hook, {
    secret: await page.getByLabel("Signing secret", { exact: true }).inputValue(),
  });

  const name = unique("Sales Zoom");
  const id = await connectOAuthCredential(page, workspace.slug, app, name);
  const credentialUrl = `/w/${workspace.slug}/credentials/${id}`;

  // The token has run out and Zoom no longer knows the stored refresh token: the next renewal
  // (here through Test connection) gets invalid_grant.
  await testDb().credential.update({
    where: { id },
    data: {
      accessTokenExpiresAt: new Date(Date.now() - 1000),
      refreshTokenEnc: encrypt("a-refresh-token-zoom-forgot", credentialSecretContext(id, "refreshTokenEnc")),
    },
  });
  await page.goto(credentialUrl);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(
    page
      .getByRole("region", { name: "Connection" })
      .getByText(/Needs reconnect|Revoked/)
      .first(),
  ).toBeVisible();

  await eventually(async () => {
    const mails = await mailsTo(owner.email);
    expect(mails.map((m) => m.subject)).toContain(`“${name}” needs to be reconnected`);
  });
  const broken = (await mailsTo(owner.email)).find((m) => m.subject.includes("needs to be reconnected"))!;
  expect(broken.text).toContain(`${E2E_APP_URL}${credentialUrl}`);
  expect(broken.text).toContain("What to do: Open the connection and press Reconnect.");
  await eventually(async () => {
    const types = (await receivedHooks(hook)).map((h) => (JSON.parse(h.body) as { type: string }).type);
    expect(types).toEqual(["connection.needs_reconnect"]);
  });

  // Reconnect: the loop closes, once.
  await page.getByRole("link", { name: "Reconnect" }).click();
  await page.getByRole("button", { name: /Connect to Zoom/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`${credentialUrl}/setup/done`);
  await eventually(async () => {
    const subjects = (await mailsTo(owner.email)).map((m) => m.subject);
    expect(subjects).toEqual([`“${name}” needs to be reconnected`, `“${name}” works again`]);
  });
  await eventually(async () => {
    const got = await receivedHooks(hook);
    expect(got.map((h) => (JSON.parse(h.body) as { type: string }).type)).toEqual([
      "connection.needs_reconnect",
      "connection.recovered",
    ]);
    expect(got.every((h) => h.verified && h.status === 200)).toBe(true);
  });
  // Nothing was sent twice.
  const deliveries = await testDb().notificationDelivery.findMany({
    where: { workspaceId: workspace.id },
    select: { channel: true, status: true },
  });
  expect(deliveries).toHaveLength(4);
  expect(deliveries.every((d) => d.status === "sent")).toBe(true);
});
