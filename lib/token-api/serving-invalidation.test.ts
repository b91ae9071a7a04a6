// Two app instances on one PostgreSQL database, each with its own serving
// cache and LISTEN connection (as two processes have). What one instance
// changes — a disconnect, a delete, a revoked key — the other must stop
// serving from memory within a second; the test polls with a deadline of a
// few seconds and asserts only that serving stops.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { TEST_ENCRYPTION_KEY, TEST_NEXTAUTH_SECRET } from "@/testing/credentials/tokens/token-fixture";
import { markNeedsReconnect, markRevoked } from "@/lib/credentials/transitions";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { createDb, type Db } from "@/lib/db/client";
import { createTempDatabase } from "@/lib/db/temp-database";
import { ownerContext } from "@/testing/workspaces/owner-context";
import { ServingCache } from "./serving-cache";
import { ServingListener } from "./serving-listener";
import { servedToken } from "./served-token";

// This test is about PostgreSQL: the local server unless DATABASE_URL names another.
const POSTGRES_URL = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgresql://postgres@127.0.0.1:5432/test";

type Instance = { db: Db; cache: ServingCache; listener: ServingListener };

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let dataDir: string;
let ctx: WorkspaceContext;
let a: Instance;
let b: Instance;

async function instance(url: string): Promise<Instance> {
  let listener: ServingListener | null = null;
  const cache = new ServingCache(() => listener?.connected ?? false);
  listener = new ServingListener(url, () => cache);
  listener.start();
  await vi.waitFor(() => expect(listener.connected).toBe(true), { timeout: 5_000 });
  return { db: createDb(url), cache, listener };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "zcw-serving-"));
  vi.stubEnv("ENCRYPTION_KEY", TEST_ENCRYPTION_KEY);
  vi.stubEnv("NEXTAUTH_SECRET", TEST_NEXTAUTH_SECRET);
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", POSTGRES_URL);
  temp = await createTempDatabase();
  ctx = await ownerContext(temp.db, "Nia");
  [a, b] = await Promise.all([instance(temp.url), instance(temp.url)]);
});
afterAll(async () => {
  for (const i of [a, b]) {
    await i?.listener.stop();
    await i?.db.$disconnect();
  }
  await temp?.cleanup();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function connectedCredential(name: string): Promise<string> {
  const row = await temp.db.credential.create({
    data: { workspaceId: ctx.workspace.id, ownerId: ctx.user.id, name, method: "oauth", status: "connected" },
  });
  await temp.db.credential.update({
    where: { id: row.id },
    data: {
      accessTokenEnc: encrypt(`token-of-${name}`, credentialSecretContext(row.id, "accessTokenEnc")),
      accessTokenExpiresAt: new Date(Date.now() + 3600_000),
    },
  });
  return row.id;
}

/** What instance `i` answers a node: the token, or why not. */
async function serve(i: Instance, header: string, credentialId: string): Promise<string> {
  const caller = await authenticateApiKey(i.db, header, new Date(), i.cache);
  if (!caller) return "401";
  try {
    const served = await servedToken(i.db, caller, credentialId, "token", { cache: i.cache });
    return served.ok ? served.token.accessToken : String(served.status);
  } catch (error) {
    return (error as { reason?: string }).reason ?? "error";
  }
}

/** Both instances serve the credential, the second from memory. */
async function servedByBoth(header: string, id: string, name: string) {
  expect(await serve(a, header, id)).toBe(`token-of-${name}`);
  expect(await serve(b, header, id)).toBe(`token-of-${name}`);
  expect(b.cache.token(id, 0, Date.now())?.token.accessToken).toBe(`token-of-${name}`);
}

const stopsServing = (header: string, id: string, expected: string) =>
  expect.poll(() => serve(b, header, id), { timeout: 4_000, interval: 50 }).toBe(expected);

describe("a change on one instance stops the other serving from memory", () => {
  it("a disconnect", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "disconnect" });
    const id = await connectedCredential("disconnect");
    await servedByBoth(`Bearer ${key}`, id, "disconnect");
    await markRevoked(a.db, { id });
    await stopsServing(`Bearer ${key}`, id, "reconnect_required");
  });

  it("needs reconnect, marked by the keeper for many at once", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "keeper" });
    const id = await connectedCredential("keeper");
    await servedByBoth(`Bearer ${key}`, id, "keeper");
    await markNeedsReconnect(
      a.db,
      { where: { id: { in: [id] } } },
      { error: { code: "invalid_grant", message: "Zoom refused." }, now: new Date() },
    );
    await stopsServing(`Bearer ${key}`, id, "reconnect_required");
  });

  it("a delete, written by someone outside the app", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "delete" });
    const id = await connectedCredential("delete");
    await servedByBoth(`Bearer ${key}`, id, "delete");
    await temp.db.credential.delete({ where: { id } });
    await stopsServing(`Bearer ${key}`, id, "404");
  });

  it("a revoked API key", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "revoke" });
    const id = await connectedCredential("revoke");
    await servedByBoth(`Bearer ${key}`, id, "revoke");
    const apiKeyId = (await a.db.apiKey.findFirstOrThrow({ where: { name: "revoke" } })).id;
    await revokeApiKey(a.db, ctx, { apiKeyId });
    await stopsServing(`Bearer ${key}`, id, "401");
  });

  it("while its listener is down an instance serves nothing from memory", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "deaf" });
    const id = await connectedCredential("deaf");
    await servedByBoth(`Bearer ${key}`, id, "deaf");
    await b.listener.stop();
    expect(b.cache.token(id, 0, Date.now())).toBeUndefined();
    expect(await serve(b, `Bearer ${key}`, id)).toBe("token-of-deaf"); // read from the database
    await markRevoked(a.db, { id });
    expect(await serve(b, `Bearer ${key}`, id)).toBe("reconnect_required");
  });
});
