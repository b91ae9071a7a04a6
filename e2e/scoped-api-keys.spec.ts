import { expect, test, type APIRequestContext } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp } from "./support/zoom";

const call = (request: APIRequestContext, path: string, key: string) =>
  request.get(path, { headers: { Authorization: `Bearer ${key}` } });

test("a key limited to one connection and to fetching tokens: the form offers it, the list shows it, the API holds to it", async ({
  page,
  request,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, "Sales Zoom");
  const other = await testDb().credential.create({
    data: {
      workspaceId: workspace.id,
      ownerId: owner.id,
      name: "Support Zoom",
      method: "oauth",
      status: "needs_reconnect",
      zoomEmail: "support@zoom-user.example",
    },
  });

  await page.goto(`/w/${workspace.slug}/admin/api-keys`);
  await page.getByLabel("Key name").fill("n8n sales");
  // Nothing ticked: told what to do, nothing made.
  await page.getByLabel("Fetch tokens").uncheck();
  await page.getByLabel("Call Zoom through the app").uncheck();
  await page.getByLabel("Only the credentials ticked below").check();
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Tick at least one thing the key may do.")).toBeVisible();
  await expect(
    page.getByText("Tick the credentials this key may use, or allow all credentials."),
  ).toBeVisible();
  expect(await testDb().apiKey.count({ where: { workspaceId: workspace.id } })).toBe(0);

  await page.getByLabel("Fetch tokens").check();
  await page.getByLabel("Only the credentials ticked below").check();
  await page.getByLabel(/^Sales Zoom/).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^zcw_/);
  const row = page.getByRole("row", { name: /n8n sales/ });
  await expect(row).toContainText("Fetch tokens");
  await expect(row).toContainText("Sales Zoom");
  await expect(row).not.toContainText("Call Zoom through the app");

  // Allowed: its connection's token; the list shows only that connection.
  expect((await call(request, `/api/v1/credentials/${id}/token`, key)).status()).toBe(200);
  const list = (await (await call(request, "/api/v1/credentials", key)).json()) as {
    credentials: { id: string }[];
  };
  expect(list.credentials.map((c) => c.id)).toEqual([id]);

  // Refused with words: the proxy, and another connection of the workspace.
  const proxy = await call(request, `/api/v1/credentials/${id}/zoom/users/me`, key);
  expect(proxy.status()).toBe(403);
  expect(await proxy.json()).toMatchObject({
    error: "forbidden",
    message: /may not call Zoom through the app/,
  });
  const outside = await call(request, `/api/v1/credentials/${other.id}/token`, key);
  expect(outside.status()).toBe(403);
  expect(await outside.json()).toMatchObject({ message: /limited to other connections/ });

  // A key made with the defaults may do everything, as keys made before limits existed.
  await page.getByLabel("Key name").fill("everything");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Your new key “everything”")).toBeVisible();
  const full = await page.getByLabel("API key", { exact: true }).inputValue();
  await expect(page.getByRole("row", { name: /everything/ })).toContainText("All credentials");
  expect((await call(request, `/api/v1/credentials/${id}/zoom/users/me`, full)).status()).toBe(200);
  expect((await call(request, `/api/v1/credentials/${other.id}/token`, full)).status()).toBe(409);
});

test("a crafted create-key request naming another workspace's connection is refused", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const elsewhere = await createWorkspaceWithOwner();
  const foreign = await testDb().credential.create({
    data: {
      workspaceId: elsewhere.workspace.id,
      ownerId: elsewhere.owner.id,
      name: "Not yours",
      method: "oauth",
    },
  });
  await testDb().credential.create({
    data: {
      workspaceId: workspace.id,
      ownerId: owner.id,
      name: "Ours",
      method: "oauth",
      status: "connected",
    },
  });
  await signInByApi(page, owner);
  await page.goto(`/w/${workspace.slug}/admin/api-keys`);
  await page.getByLabel("Key name").fill("sneaky");
  await page.getByLabel("Only the credentials ticked below").check();
  // The list offers only this workspace's connections: add one as a crafted page would.
  await page.evaluate((value) => {
    const form = document.querySelector<HTMLInputElement>('input[name="name"]')!.form!;
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "credentialIds";
    input.value = value;
    form.appendChild(input);
  }, foreign.id);
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Choose credentials of this workspace from the list.")).toBeVisible();
  expect(await testDb().apiKey.count({ where: { workspaceId: workspace.id } })).toBe(0);
});
