import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import {
  createWorkspaceWithOwner,
  signInByApi,
  testDb,
  type TestUser,
  type TestWorkspace,
} from "./support/factory";
import { E2E_APP_URL, E2E_PORT } from "./support/test-env";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

const SCOPES = ["user:read:user", "meeting:read:list_meetings", "meeting:write:meeting"];

async function connected(page: Page) {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp({ scopes: SCOPES });
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, "Proxied Zoom");
  const key = await keyFor(owner, workspace);
  return { owner, workspace, app, user, id, key };
}

async function keyFor(
  owner: TestUser,
  workspace: TestWorkspace,
  scope?: Parameters<typeof createApiKey>[2]["scope"],
): Promise<string> {
  const ctx = { user: owner, workspace, role: "owner" as const };
  return (await createApiKey(testDb(), ctx, { name: `node ${Math.random()}`, ...(scope ? { scope } : {}) }))
    .key;
}

const proxied = (request: APIRequestContext, id: string, key: string, path: string) =>
  request.get(`/api/v1/credentials/${id}/zoom/${path}`, { headers: { Authorization: `Bearer ${key}` } });

test("nodes call Zoom through the app with only their API key: GET, a JSON POST, Zoom's answer as it is", async ({
  page,
  request,
}) => {
  const { app, user, id, key } = await connected(page);

  // GET users/me: Zoom's own answer, naming the credential; the API key never reached Zoom
  // (the emulator would refuse it as a token with 401 code 124).
  const me = await request.get(`/api/v1/credentials/${id}/zoom/users/me`, {
    headers: { Authorization: `Bearer ${key}`, Cookie: "session=should-not-travel" },
  });
  expect(me.status()).toBe(200);
  expect(me.headers()["x-credential-id"]).toBe(id);
  expect(me.headers()["cache-control"]).toBe("no-store");
  expect(await me.json()).toMatchObject({ id: user.id, email: user.email, account_id: user.accountId });

  // POST with a JSON body: a meeting is made, Zoom's 201 and rate-limit headers come back.
  const created = await request.post(`/api/v1/credentials/${id}/zoom/users/me/meetings`, {
    headers: { Authorization: `Bearer ${key}` },
    data: { topic: "Weekly sync", type: 2, duration: 30, start_time: "2027-01-04T09:00:00Z" },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["x-ratelimit-category"]).toBe("Medium");
  const meeting = (await created.json()) as { id: number; topic: string; host_id: string };
  expect(meeting).toMatchObject({ topic: "Weekly sync", host_id: user.id });

  // The query string passes through; so does Zoom's 404 with its code.
  const list = await proxied(request, id, key, "users/me/meetings?page_size=10&type=scheduled");
  expect(list.status()).toBe(200);
  expect(await list.json()).toMatchObject({ meetings: [expect.objectContaining({ id: meeting.id })] });
  const missing = await proxied(request, id, key, "meetings/1");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ code: 3001 });

  // A form body passes through with its content type (Zoom wants JSON here and says so).
  const form = await request.post(`/api/v1/credentials/${id}/zoom/users/me/meetings`, {
    headers: { Authorization: `Bearer ${key}` },
    form: { topic: "as a form" },
  });
  expect(form.status()).toBe(415);

  // Used: lastUsedAt is written and the audit log names the key once.
  await expect
    .poll(async () => (await testDb().credential.findUniqueOrThrow({ where: { id } })).lastUsedAt)
    .not.toBeNull();
  await expect
    .poll(() => testDb().auditEvent.count({ where: { credentialId: id, action: "credential.zoom_called" } }))
    .toBe(1);
  expect((await zoom.counters(app.clientId)).api).toBeGreaterThanOrEqual(5);
});

test("Zoom's 'invalid access token' (124) renews once and retries; a 429 comes back with its Retry-After", async ({
  page,
  request,
}) => {
  const { app, user, id, key } = await connected(page);
  expect((await proxied(request, id, key, "users/me")).status()).toBe(200);

  // Zoom stops taking the stored token before its time: one renewal, one retry, the node sees 200.
  const before = await zoom.counters(app.clientId);
  expect((await zoom.expireAccessTokens(app.clientId)).expired).toBe(1);
  const renewed = await proxied(request, id, key, "users/me");
  expect(renewed.status()).toBe(200);
  expect(await renewed.json()).toMatchObject({ id: user.id });
  const after = await zoom.counters(app.clientId);
  expect(after.token.refresh_token - before.token.refresh_token).toBe(1);
  expect(after.api - before.api).toBe(2);
  // And the renewed token is the one served from now on.
  expect((await proxied(request, id, key, "users/me")).status()).toBe(200);
  expect((await zoom.counters(app.clientId)).token.refresh_token).toBe(after.token.refresh_token);

  // Rate limited: Zoom's 429 and Retry-After pass through untouched, nothing is renewed.
  await zoom.addFault({ target: "api", kind: "429", retryAfterSeconds: 7, clientId: app.clientId });
  const limited = await proxied(request, id, key, "users/me");
  expect(limited.status()).toBe(429);
  expect(limited.headers()["retry-after"]).toBe("7");
  expect(await limited.json()).toMatchObject({ code: 429 });
  expect((await zoom.counters(app.clientId)).token.refresh_token).toBe(after.token.refresh_token);
});

test("the proxy refuses before calling Zoom: keys, limits, statuses, path tricks and large bodies", async ({
  page,
  request,
}) => {
  const { owner, workspace, app, id, key } = await connected(page);
  const calls = async () => (await zoom.counters(app.clientId)).api;
  const before = await calls();

  // 401 without a valid key; 404 for another workspace's credential.
  expect((await request.get(`/api/v1/credentials/${id}/zoom/users/me`)).status()).toBe(401);
  const other = await createWorkspaceWithOwner();
  const theirs = await testDb().credential.create({
    data: { workspaceId: other.workspace.id, ownerId: other.owner.id, name: "Theirs", method: "oauth" },
  });
  expect((await proxied(request, theirs.id, key, "users/me")).status()).toBe(404);

  // 403: a key that may only fetch tokens, and a key limited to another connection.
  const tokenOnly = await keyFor(owner, workspace, { credentialIds: null, actions: ["token"] });
  const refused = await proxied(request, id, tokenOnly, "users/me");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "forbidden", message: /may not call Zoom/ });
  const elsewhere = await testDb().credential.create({
    data: {
      workspaceId: workspace.id,
      ownerId: owner.id,
      name: "Other",
      method: "oauth",
      status: "needs_reconnect",
    },
  });
  const limited = await keyFor(owner, workspace, { credentialIds: [elsewhere.id], actions: ["proxy"] });
  const outside = await proxied(request, id, limited, "users/me");
  expect(outside.status()).toBe(403);
  expect(await outside.json()).toMatchObject({ message: /limited to other connections/ });

  // 409: the connection needs a person.
  const conflict = await proxied(request, elsewhere.id, limited, "users/me");
  expect(conflict.status()).toBe(409);
  expect(await conflict.json()).toMatchObject({ error: "reconnect_required" });

  // Only relative Zoom API paths.
  for (const trick of [
    "..%2F..%2Ftoken",
    "users%2Fme",
    "%2e%2e/%2e%2e/token",
    "users/%252e%252e/oauth",
    "https:%2F%2Fevil.example%2Fv2",
    "users/me%5C..%5Cx",
    "users/%00me",
  ]) {
    const response = await proxied(request, id, key, trick);
    expect([400, 404], trick).toContain(response.status());
    if (response.status() === 400)
      expect(await response.json(), trick).toMatchObject({ message: /Only a relative Zoom API path/ });
  }

  // Bodies above 1 MB: refused with words, whether the length is declared or streamed.
  const big = JSON.stringify({ topic: "x".repeat(1024 * 1024 + 10) });
  const declared = await request.post(`/api/v1/credentials/${id}/zoom/users/me/meetings`, {
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    data: big,
  });
  expect(declared.status()).toBe(413);
  expect(await declared.json()).toMatchObject({ error: "body_too_large", message: /larger than 1 MB/ });
  const streamed = await chunkedPost(`/api/v1/credentials/${id}/zoom/users/me/meetings`, key, big);
  expect(streamed.status).toBe(413);
  expect(streamed.body).toContain("larger than 1 MB");

  expect(await calls()).toBe(before);
});

/** A POST with Transfer-Encoding: chunked (no Content-Length), as a streaming client sends it. */
function chunkedPost(path: string, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: new URL(E2E_APP_URL).hostname,
        port: E2E_PORT,
        path,
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    req.end();
  });
}
