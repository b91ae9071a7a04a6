import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { configureHook, eventually, hookUrl, receivedHooks } from "./support/notifications";
import { unique } from "./support/factory";

test("a member turns notification email off for themselves, and it stays off", async ({ page }) => {
  const { workspace } = await createWorkspaceWithOwner();
  const member = await addMember(workspace, "member");
  await signInByApi(page, member);
  await page.goto(`/w/${workspace.slug}/credentials`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/settings/notifications`);
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  // The test server has SMTP_URL: no "email is off" notice.
  await expect(page.getByText("Email is off for this app")).toHaveCount(0);
  const box = page.getByRole("checkbox", { name: /Email me about connections/ });
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: you get no notification email from this workspace.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Email me about connections/ })).not.toBeChecked();
  const pref = await testDb().notificationPreference.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: member.id } },
  });
  expect(pref.emailOff).toBe(true);
  // Members have no webhook page, at its address or at the one older emails link to.
  expect((await page.goto(`/w/${workspace.slug}/admin/webhooks`))?.status()).toBe(403);
  expect((await page.goto(`/w/${workspace.slug}/admin/notifications`))?.status()).toBe(403);
});

test("an admin saves a webhook, sees its secret once, sends a test event that is retried after a 500", async ({
  page,
}) => {
  test.slow();
  const { owner, workspace } = await createWorkspaceWithOwner();
  const hook = unique("hook");
  await signInByApi(page, owner);
  // Emails sent before the page moved link to /admin/notifications: they land on it.
  await page.goto(`/w/${workspace.slug}/admin/notifications`);
  await expect(page).toHaveURL(`/w/${workspace.slug}/admin/webhooks`);
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send test event" })).toHaveCount(0);

  // A bad URL: a plain message, and what was typed stays.
  await page.getByLabel("Webhook URL").fill("ftp://hooks.example.com/in");
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(
    page.getByText("Use an https:// URL: webhooks carry details of your connections."),
  ).toBeVisible();
  await expect(page.getByLabel("Webhook URL")).toHaveValue("ftp://hooks.example.com/in");

  await page.getByLabel("Webhook URL").fill(hookUrl(hook));
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(page.getByText("Copy the signing secret now: it is shown only once.")).toBeVisible();
  const secret = await page.getByLabel("Signing secret", { exact: true }).inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
  const stored = await testDb().webhookEndpoint.findUniqueOrThrow({
    where: { workspaceId: workspace.id },
    select: { url: true, secretEnc: true },
  });
  expect(stored.url).toBe(hookUrl(hook));
  expect(stored.secretEnc).not.toContain(secret.slice(6));

  // Shown once: after a reload only the URL is there.
  await page.reload();
  await expect(page.getByLabel("Signing secret", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Webhook URL")).toHaveValue(hookUrl(hook));

  // The receiver checks signatures with the secret, and fails the first delivery.
  await configureHook(hook, { secret, failTimes: 1 });
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event queued")).toBeVisible();
  await eventually(async () => {
    const got = await receivedHooks(hook);
    expect(got.map((h) => h.status)).toEqual([500, 200]);
  });
  const got = await receivedHooks(hook);
  expect(got.every((h) => h.verified)).toBe(true);
  expect(got[0]!.id).toBe(got[1]!.id); // the same webhook-id on the retry
  expect(JSON.parse(got[1]!.body)).toMatchObject({ type: "test", data: { workspace: workspace.slug } });
  expect(() =>
    new Webhook(`whsec_${Buffer.alloc(24).toString("base64")}`).verify(got[1]!.body, {
      "webhook-id": got[1]!.id,
      "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
      "webhook-signature": "v1,AAAA",
    }),
  ).toThrow();

  // The delivery log: both attempts, with their status codes.
  await page.reload();
  const log = page.getByRole("table", { name: "Delivery log" });
  await expect(log.getByRole("row", { name: /Delivered/ })).toContainText("200");
  await expect(log.getByRole("row", { name: /attempt 1|Failed/ }).first()).toContainText("500");
  await expect(log.getByRole("row", { name: /Failed/ })).toContainText("receiver said no");
});
