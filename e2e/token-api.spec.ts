import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { getCurrentUser } from "../lib/zoom/get-current-user";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { E2E_EMULATOR_URL } from "./support/test-env";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

async function createKeyInUi(page: Page, slug: string, name: string): Promise<string> {
  await page.goto(`/w/${slug}/admin/api-keys`);
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^zcw_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("cell", { name: `zcw_${key.slice(4, 12)}_…` })).toBeVisible();
  return key;
}

const get = (request: APIRequestContext, path: string, key?: string) =>
  request.get(path, { headers: key ? { Authorization: `Bearer ${key}` } : {} });

test("nodes fetch fresh tokens with an API key; every status code says what to do", async ({
  page,
  request,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, "Node credential");
  const key = await createKeyInUi(page, workspace.slug, "n8n production");

  // 401: no key, a made-up key.
  for (const bad of [undefined, "zcw_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "not-a-key"]) {
    const response = await get(request, `/api/v1/credentials/${id}/token`, bad);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
  }

  // The list: no secrets.
  const list = await get(request, "/api/v1/credentials", key);
  expect(list.status()).toBe(200);
  const listed = (await list.json()) as { credentials: { id: string; status: string }[] };
  expect(listed.credentials).toEqual([expect.objectContaining({ id, status: "connected" })]);
  expect(JSON.stringify(listed)).not.toMatch(/Enc"|secret|"access_token"|"refresh_token"/i);

  // 503: the token has run out and Zoom answers 500. (Before the first fetch: a served token
  // stays in the app's memory until the app itself changes the credential.)
  await testDb().credential.update({
    where: { id },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
  });
  await zoom.addFault({ target: "token", kind: "500", count: 1, clientId: app.clientId });
  const unavailable = await get(request, `/api/v1/credentials/${id}/token`, key);
  expect(unavailable.status()).toBe(503);
  const body = (await unavailable.json()) as { error: string; retry_after: number; message: string };
  expect(body.error).toBe("zoom_unavailable");
  expect(body.retry_after).toBeGreaterThan(0);
  expect(unavailable.headers()["retry-after"]).toBe(String(body.retry_after));
  // Zoom is back; the back-off is over.
  await testDb().credential.update({ where: { id }, data: { nextAttemptAt: null } });

  // 200: a token that works at Zoom and has at least five minutes left.
  const response = await get(request, `/api/v1/credentials/${id}/token`, key);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const token = (await response.json()) as {
    access_token: string;
    token_type: string;
    expires_at: string;
    api_url: string;
    scopes: string[];
    zoom_user: { id: string; email: string; account_id: string };
  };
  expect(token).toMatchObject({
    token_type: "bearer",
    zoom_user: { id: user.id, email: user.email, account_id: user.accountId },
    api_url: E2E_EMULATOR_URL,
  });
  expect(new Date(token.expires_at).getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
  expect(token.scopes).toContain("user:read:user");
  const me = await getCurrentUser({
    accessToken: token.access_token,
    config: { oauthBaseUrl: E2E_EMULATOR_URL, apiBaseUrl: `${E2E_EMULATOR_URL}/v2` },
  });
  expect(me.id).toBe(user.id);

  // 404: another workspace's credential, and an unknown id.
  const other = await createWorkspaceWithOwner();
  const foreign = await testDb().credential.create({
    data: { workspaceId: other.workspace.id, ownerId: other.owner.id, name: "Theirs", method: "oauth" },
  });
  expect((await get(request, `/api/v1/credentials/${foreign.id}/token`, key)).status()).toBe(404);
  expect((await get(request, `/api/v1/credentials/nope/token`, key)).status()).toBe(404);

  // 409: a person must act (the credential was disconnected in the app).
  await page.goto(`/w/${workspace.slug}/credentials/${id}`);
  const manage = page.getByRole("region", { name: "Manage credential" });
  await manage.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(manage.getByText(/^Disconnected/)).toBeVisible();
  const conflict = await get(request, `/api/v1/credentials/${id}/token`, key);
  expect(conflict.status()).toBe(409);
  expect(await conflict.json()).toMatchObject({ error: "reconnect_required" });

  // A revoked key is refused at once.
  await page.goto(`/w/${workspace.slug}/admin/api-keys`);
  await page
    .getByRole("row", { name: /n8n production/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("row", { name: /n8n production/ })).toContainText("Revoked");
  expect((await get(request, "/api/v1/credentials", key)).status()).toBe(401);

  // The audit log names the key that fetched the token.
  await page.goto(`/w/${workspace.slug}/admin/audit`);
  await expect(page.getByRole("row", { name: /fetched a token through the API/ })).toContainText(
    "n8n production",
  );
});

test("members cannot open the API keys page", async ({ page }) => {
  const { workspace } = await createWorkspaceWithOwner();
  const { addMember } = await import("./support/factory");
  const member = await addMember(workspace, "member");
  await signInByApi(page, member);
  const response = await page.goto(`/w/${workspace.slug}/admin/api-keys`);
  expect(response?.status()).toBe(403);
});
