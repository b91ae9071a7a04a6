// Each renewal rotates the token set at Zoom and kills the access token every
// other node holds. So when Zoom refuses a token (code 124), the app renews
// once per refused token — not once per caller that saw the refusal.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { RENEW_AHEAD_MS } from "../lib/keeper/keeper-rules";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { E2E_EMULATOR_URL } from "./support/test-env";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

async function connected(page: Page) {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  const id = await connectOAuthCredential(page, workspace.slug, app, "Busy Zoom");
  const ctx = { user: owner, workspace, role: "owner" as const };
  const { key } = await createApiKey(testDb(), ctx, { name: `nodes ${Math.random()}` });
  return { app, user, id, key };
}

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const proxiedMe = (request: APIRequestContext, id: string, key: string) =>
  request.get(`/api/v1/credentials/${id}/zoom/users/me`, { headers: auth(key) });
const renewals = async (clientId: string) => (await zoom.counters(clientId)).token.refresh_token;
/** A node calling Zoom itself with a token it fetched. */
const zoomMe = (request: APIRequestContext, token: string) =>
  request.get(`${E2E_EMULATOR_URL}/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } });

test("proxy: a refusal that arrives after another caller renewed uses that renewal", async ({
  page,
  request,
}) => {
  const { app, user, id, key } = await connected(page);
  expect((await proxiedMe(request, id, key)).status()).toBe(200);
  const before = await renewals(app.clientId);
  expect((await zoom.expireAccessTokens(app.clientId)).expired).toBe(1);

  // Caller A's call is slow at Zoom: its 124 comes back after caller B's refusal renewed.
  await zoom.addFault({ target: "api", kind: "slow", delayMs: 2_000, count: 1, clientId: app.clientId });
  const apiCalls = (await zoom.counters(app.clientId)).api;
  const slow = proxiedMe(request, id, key);
  await expect.poll(async () => (await zoom.counters(app.clientId)).api).toBe(apiCalls + 1);
  const fast = await proxiedMe(request, id, key);
  expect(fast.status()).toBe(200);
  expect(await renewals(app.clientId)).toBe(before + 1);

  const late = await slow;
  expect(late.status()).toBe(200);
  expect(await late.json()).toMatchObject({ id: user.id });
  // One refusal, one renewal: A's late 124 was about a token already replaced.
  expect(await renewals(app.clientId)).toBe(before + 1);
});

test("proxy: 20 nodes calling for 3 s after one refusal cause one renewal", async ({ page, request }) => {
  const { app, id, key } = await connected(page);
  expect((await proxiedMe(request, id, key)).status()).toBe(200);
  const before = await renewals(app.clientId);
  expect((await zoom.expireAccessTokens(app.clientId)).expired).toBe(1);

  const until = Date.now() + 3_000;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (Date.now() < until) statuses.push((await proxiedMe(request, id, key)).status());
    }),
  );
  expect(statuses.length).toBeGreaterThan(20);
  expect(new Set(statuses)).toEqual(new Set([200]));
  expect(await renewals(app.clientId)).toBe(before + 1);
});

test("token API: a node reports the token Zoom refused and gets a working one; one renewal for all reports", async ({
  page,
  request,
}) => {
  const { app, user, id, key } = await connected(page);
  const fetchToken = async (refused?: string) => {
    const response = await request.get(`/api/v1/credentials/${id}/token`, {
      headers: { ...auth(key), ...(refused ? { "Zoom-Refused-Token": refused } : {}) },
    });
    expect(response.status()).toBe(200);
    return (await response.json()) as { access_token: string; expires_at: string };
  };

  // expires_at is when to come back: the planned renewal, 10 minutes before Zoom's own expiry.
  const first = await fetchToken();
  const row = await testDb().credential.findUniqueOrThrow({ where: { id } });
  expect(new Date(first.expires_at).getTime()).toBe(row.accessTokenExpiresAt!.getTime() - RENEW_AHEAD_MS);
  expect(new Date(first.expires_at).getTime()).toBeGreaterThan(Date.now() + 60_000);

  // Zoom stops taking it before its time. Fetching again without saying so serves it again…
  const before = await renewals(app.clientId);
  expect((await zoom.expireAccessTokens(app.clientId)).expired).toBe(1);
  expect((await zoomMe(request, first.access_token)).status()).toBe(401);
  expect((await fetchToken()).access_token).toBe(first.access_token);

  // …saying so renews it once; a second node reporting the same token gets the same new one.
  const renewed = await fetchToken(first.access_token);
  expect(renewed.access_token).not.toBe(first.access_token);
  expect(await (await zoomMe(request, renewed.access_token)).json()).toMatchObject({ id: user.id });
  const second = await fetchToken(first.access_token);
  expect(second.access_token).toBe(renewed.access_token);
  expect(await renewals(app.clientId)).toBe(before + 1);

  // A header longer than any token is refused in words.
  const junk = await request.get(`/api/v1/credentials/${id}/token`, {
    headers: { ...auth(key), "Zoom-Refused-Token": "x".repeat(5000) },
  });
  expect(junk.status()).toBe(400);
  expect(await junk.json()).toMatchObject({ error: "bad_request" });
});
