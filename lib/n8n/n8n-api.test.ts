// The app's n8n client against the fake n8n (which follows what a real
// n8n 2.41.1 did: npm run check:n8n runs the real one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkN8nKeys } from "./check-n8n-keys";
import { createZoomCredential, readCredential, replaceZoomCredentialData } from "./n8n-api";
import { heldToken, startFakeN8n, type FakeN8n } from "../../testing/n8n/fake-n8n";

let fake: FakeN8n;
beforeAll(async () => {
  fake = await startFakeN8n();
});
afterAll(() => fake.close());

const token = (access: string) => ({ access_token: access, token_type: "Bearer" as const, expires_in: 3599 });
const target = (scopes?: string[]) => ({ baseUrl: fake.url, apiKey: fake.key(scopes) });

describe("the fake behaves as n8n did", () => {
  it("PATCH replaces the data; isPartialData answers 200 and keeps the old token", async () => {
    const keys = target();
    const created = await createZoomCredential(keys, { name: "Sales Zoom", token: token("first") });
    expect(created.ok).toBe(true);
    const id = created.id!;
    const partial = await fetch(`${fake.url}/api/v1/credentials/${id}`, {
      method: "PATCH",
      headers: { "X-N8N-API-KEY": keys.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ data: { oauthTokenData: token("second") }, isPartialData: true }),
    });
    expect(partial.status).toBe(200);
    expect(heldToken(fake, id)).toBe("first");
    const replaced = await replaceZoomCredentialData(keys, { n8nCredentialId: id, token: token("second") });
    expect(replaced).toMatchObject({ ok: true, status: 200 });
    expect(fake.credentials.get(id)!.data).toEqual({ oauthTokenData: token("second") });
  });

  it("a form body gets 415 and unknown data keys 400 (the client sends JSON, known keys only)", async () => {
    const keys = target();
    const form = await fetch(`${fake.url}/api/v1/credentials`, {
      method: "POST",
      headers: { "X-N8N-API-KEY": keys.apiKey, "content-type": "application/x-www-form-urlencoded" },
      body: "name=x&type=zoomOAuth2Api",
    });
    expect(form.status).toBe(415);
    const created = await createZoomCredential(keys, { name: "Z", token: token("t") });
    const unknown = await fetch(`${fake.url}/api/v1/credentials/${created.id}`, {
      method: "PATCH",
      headers: { "X-N8N-API-KEY": keys.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ data: { oauthTokenData: token("x"), refreshToken: "r" } }),
    });
    expect(unknown.status).toBe(400);
    expect(heldToken(fake, created.id!)).toBe("t");
  });
});

describe("n8n's answers in words", () => {
  it("405 on PATCH says to upgrade to 2.39.9 or later", async () => {
    const keys = target();
    const created = await createZoomCredential(keys, { name: "Z", token: token("t") });
    fake.setVersion("2.39.5");
    try {
      const answer = await replaceZoomCredentialData(keys, {
        n8nCredentialId: created.id!,
        token: token("u"),
      });
      expect(answer).toMatchObject({ ok: false, status: 405 });
      expect(answer.words).toContain("upgrade n8n to 2.39.9 or later");
      expect(answer.words).toContain("PATCH method not allowed");
    } finally {
      fake.setVersion("2.41.1");
    }
  });

  it("403 names the scope the call needs; 404 says the credential was deleted in n8n; 401 the key", async () => {
    const noUpdate = target(["credential:create", "credential:read"]);
    const created = await createZoomCredential(noUpdate, { name: "Z", token: token("t") });
    const refused = await replaceZoomCredentialData(noUpdate, {
      n8nCredentialId: created.id!,
      token: token("u"),
    });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(refused.words).toContain("credential:update");
    const noCreate = await createZoomCredential(target(["credential:read"]), {
      name: "Z",
      token: token("t"),
    });
    expect(noCreate.words).toContain("credential:create");
    const missing = await readCredential(target(), "nope");
    expect(missing).toMatchObject({ ok: false, status: 404 });
    expect(missing.words).toContain("deleted in n8n");
    const badKey = await readCredential({ baseUrl: fake.url, apiKey: "wrong" }, "nope");
    expect(badKey.status).toBe(401);
  });

  it("a network failure is said in words, not thrown", async () => {
    const closed = await startFakeN8n();
    await closed.close(); // a port nobody listens on
    const answer = await replaceZoomCredentialData(
      { baseUrl: closed.url, apiKey: "k" },
      { n8nCredentialId: "x", token: null },
    );
    expect(answer).toMatchObject({ ok: false, status: null });
    expect(answer.words).toContain("refused the connection");
  });
});

describe("checking an n8n address and key before saving", () => {
  it("passes a key that may read and update, and changes nothing in n8n", async () => {
    const before = fake.credentials.size;
    expect(await checkN8nKeys(target())).toMatchObject({ ok: true });
    expect(fake.credentials.size).toBe(before);
  });

  it("names the missing scope: read, then update, then create", async () => {
    const noRead = await checkN8nKeys(target(["credential:update"]));
    expect(noRead).toMatchObject({ ok: false, field: "apiKey" });
    expect(noRead.words).toContain("credential:read");
    const noUpdate = await checkN8nKeys(target(["credential:read"]));
    expect(noUpdate).toMatchObject({ ok: false, field: "apiKey" });
    expect(noUpdate.words).toContain("credential:update");
    const noCreate = await checkN8nKeys(target(["credential:read", "credential:update"]));
    expect(noCreate).toMatchObject({ ok: false, field: "apiKey" });
    expect(noCreate.words).toContain("credential:create");
  });

  it("says to upgrade an n8n that refuses PATCH (2.39.0–2.39.8)", async () => {
    fake.setVersion("2.39.5");
    try {
      const check = await checkN8nKeys(target());
      expect(check.ok).toBe(false);
      expect(check.words).toContain("2.39.9 or later");
    } finally {
      fake.setVersion("2.41.1");
    }
  });

  it("refuses an address that is not n8n's API", async () => {
    const check = await checkN8nKeys({ baseUrl: `${fake.url}/somewhere-else`, apiKey: fake.key() });
    expect(check).toMatchObject({ ok: false, field: "baseUrl" });
  });
});

describe("names n8n will keep updating", () => {
  it("a connection named in one or two letters gets a name n8n accepts on PATCH", async () => {
    const keys = target();
    const created = await createZoomCredential(keys, { name: "Z", token: token("t") });
    expect(fake.credentials.get(created.id!)!.name).toBe("Z (Zoom)");
    const pushed = await replaceZoomCredentialData(keys, { n8nCredentialId: created.id!, token: token("u") });
    expect(pushed.ok).toBe(true);
  });

  it("the fake refuses a PATCH of a credential named in fewer than 3 characters, as n8n did", async () => {
    const keys = target();
    const raw = await fetch(`${fake.url}/api/v1/credentials`, {
      method: "POST",
      headers: { "X-N8N-API-KEY": keys.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ name: "Z", type: "zoomOAuth2Api", data: {} }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const answer = await replaceZoomCredentialData(keys, { n8nCredentialId: raw.id, token: token("u") });
    expect(answer.status).toBe(400);
    expect(answer.words).toContain("3 to 128 characters");
  });
});
