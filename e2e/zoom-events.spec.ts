import { expect, test } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { createWorkspaceWithOwner, signInByApi, testDb, unique } from "./support/factory";
import { E2E_APP_URL } from "./support/test-env";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

test("Zoom tells us when the app is removed: signed events only, the connection becomes Revoked", async ({
  page,
  request,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const credentialId = await connectOAuthCredential(page, workspace.slug, app, "Sales Zoom");
  const { zoomAppId } = await testDb().credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { zoomAppId: true },
  });
  const { key } = await createApiKey(
    testDb(),
    { user: { ...owner, id: owner.id }, workspace, role: "owner" },
    { name: "node" },
  );
  const tokenStatus = async () =>
    (
      await request.get(`/api/v1/credentials/${credentialId}/token`, {
        headers: { Authorization: `Bearer ${key}` },
      })
    ).status();
  expect(await tokenStatus()).toBe(200);

  // The app's page: the endpoint to paste, the Marketplace steps, the Secret Token.
  await page.goto(`/w/${workspace.slug}/apps/${zoomAppId}`);
  const endpoint = `${E2E_APP_URL}/api/zoom/events/${zoomAppId}`;
  await expect(page.getByRole("textbox", { name: "Event notification endpoint URL" })).toHaveValue(endpoint);
  await expect(page.getByRole("button", { name: "Copy Event notification endpoint URL" })).toBeVisible();
  await expect(page.getByText("under App tick “App Deauthorized”")).toBeVisible();
  const secretToken = unique("evtoken").replace(/-/g, "");
  await page.getByLabel("Secret Token", { exact: true }).fill(secretToken);
  await page.getByRole("button", { name: "Save Secret Token" }).click();
  await expect(page.getByText("The Secret Token is saved (encrypted).")).toBeVisible();
  const stored = await testDb().zoomApp.findUniqueOrThrow({
    where: { id: zoomAppId! },
    select: { eventSecretTokenEnc: true },
  });
  expect(stored.eventSecretTokenEnc).toMatch(/^v1\./);
  expect(stored.eventSecretTokenEnc).not.toContain(secretToken);

  // In Zoom: paste the endpoint, Save — Zoom validates it at once.
  await zoom.patchApp(app.clientId, { eventEndpoint: endpoint, secretToken });
  const validation = await zoom.validateEndpoint(app.clientId);
  expect(validation).toMatchObject({ ok: true, status: 200 });
  expect(validation.ms).toBeLessThan(3000);

  // Events Zoom did not send: 401 each, and nothing changes.
  for (const kind of ["bad_signature", "stale_timestamp", "no_signature"] as const) {
    const attempt = await zoom.sendForgedEvent(app.clientId, kind, user.id);
    expect(attempt.status, kind).toBe(401);
  }
  expect(await tokenStatus()).toBe(200);
  await page.goto(`/w/${workspace.slug}/credentials/${credentialId}`);
  await expect(page.getByRole("region", { name: "Connection" }).getByText("Connected")).toBeVisible();

  // The person removes the app in Zoom: a signed app_deauthorized arrives.
  const removal = await zoom.deauthorize(app.clientId, user.id);
  expect(removal.killedTokenSets).toBeGreaterThan(0);
  expect(removal.delivery).toMatchObject({ delivered: true, attempts: [{ status: 200 }] });
  await page.reload();
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(card.getByText(/^Removed in Zoom on .* removed the app/)).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "1 Zoom credential was removed in Zoom" }),
  ).toBeVisible();
  expect(await tokenStatus()).toBe(409);
  const row = await testDb().credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { accessTokenEnc: true, refreshTokenEnc: true },
  });
  expect(row).toEqual({ accessTokenEnc: null, refreshTokenEnc: null });

  // Zoom repeats events: the second one is harmless.
  const again = await zoom.deauthorize(app.clientId, user.id);
  expect(again.delivery).toMatchObject({ delivered: true, attempts: [{ status: 200 }] });
  expect(
    await testDb().auditEvent.count({ where: { credentialId, action: "credential.removed_in_zoom" } }),
  ).toBe(1);
  // Nothing of ours called Zoom's revoke: the removal came from Zoom.
  expect((await zoom.counters(app.clientId)).revoke).toBe(0);
  await page.goto(`/w/${workspace.slug}/admin/audit`);
  await expect(
    page.getByRole("cell", { name: "Zoom said the app was removed from a Zoom account" }),
  ).toBeVisible();
});

test("the event endpoint: unknown apps, apps without a Secret Token and junk get no more than a refusal", async ({
  request,
}) => {
  // The set-up first: a keep-alive socket left idle while it runs may be closed under the request.
  const { owner, workspace } = await createWorkspaceWithOwner();
  const appRow = await testDb().zoomApp.create({
    data: { workspaceId: workspace.id, createdById: owner.id, name: "No token yet", kind: "oauth" },
  });
  const unknown = await request.post("/api/zoom/events/cnosuchapp000", { data: { event: "x" } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "not_found" });
  const noToken = await request.post(`/api/zoom/events/${appRow.id}`, {
    data: { event: "endpoint.url_validation", payload: { plainToken: "abc" } },
    headers: { "x-zm-request-timestamp": String(Math.floor(Date.now() / 1000)), "x-zm-signature": "v0=00" },
  });
  expect(noToken.status()).toBe(401);
  expect(await noToken.json()).toEqual({
    error: "unauthorized",
    message: "The event's signature could not be verified.",
  });
  const huge = await request.post(`/api/zoom/events/${appRow.id}`, { data: "x".repeat(70_000) });
  expect(huge.status()).toBe(413);
});

test(
  "Zoom's retry of a removal, arriving after the person connected again, leaves the new connection alone",
  { tag: "@postgres" },
  async ({ page, request }) => {
    const { owner, workspace } = await createWorkspaceWithOwner();
    const { app, user } = await createZoomApp();
    await signInByApi(page, owner);
    const credentialId = await connectOAuthCredential(page, workspace.slug, app, "Support Zoom");
    const { zoomAppId } = await testDb().credential.findUniqueOrThrow({
      where: { id: credentialId },
      select: { zoomAppId: true },
    });
    const { key } = await createApiKey(
      testDb(),
      { user: { ...owner, id: owner.id }, workspace, role: "owner" },
      { name: "node" },
    );
    const token = () =>
      request.get(`/api/v1/credentials/${credentialId}/token`, {
        headers: { Authorization: `Bearer ${key}` },
      });
    await page.goto(`/w/${workspace.slug}/apps/${zoomAppId}`);
    const secretToken = unique("evtoken").replace(/-/g, "");
    await page.getByLabel("Secret Token", { exact: true }).fill(secretToken);
    await page.getByRole("button", { name: "Save Secret Token" }).click();
    await expect(page.getByText("The Secret Token is saved (encrypted).")).toBeVisible();
    await zoom.patchApp(app.clientId, {
      eventEndpoint: `${E2E_APP_URL}/api/zoom/events/${zoomAppId}`,
      secretToken,
    });

    // The person removes the app in Zoom: the connection is revoked.
    const removal = await zoom.deauthorize(app.clientId, user.id);
    expect(removal.delivery).toMatchObject({ delivered: true, attempts: [{ status: 200 }] });
    expect((await token()).status()).toBe(409);

    // They connect again, through the same credential.
    await page.goto(`/w/${workspace.slug}/credentials/${credentialId}`);
    await page.getByRole("link", { name: "Reconnect" }).click();
    await page.getByRole("button", { name: /Connect to Zoom/ }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(`/w/${workspace.slug}/credentials/${credentialId}/setup/done`);
    const fresh = await token();
    expect(fresh.status()).toBe(200);
    const { access_token: accessToken } = (await fresh.json()) as { access_token: string };

    // Zoom retries the old removal, signed afresh: acknowledged, and nothing changes.
    expect(await zoom.redeliverEvent(removal.delivery.id)).toMatchObject({ status: 200 });
    await page.goto(`/w/${workspace.slug}/credentials/${credentialId}`);
    await expect(
      page.getByRole("region", { name: "Connection" }).getByText("Connected", { exact: true }),
    ).toBeVisible();
    const after = await token();
    expect(after.status()).toBe(200);
    expect(((await after.json()) as { access_token: string }).access_token).toBe(accessToken);
    expect(
      await testDb().auditEvent.count({ where: { credentialId, action: "credential.removed_in_zoom" } }),
    ).toBe(1);
  },
);
