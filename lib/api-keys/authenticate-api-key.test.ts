import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Db } from "@/lib/db/client";
import { createTempDatabase } from "@/lib/db/temp-database";
import { ownerContext } from "@/testing/workspaces/owner-context";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey, revokeApiKey } from "./manage-api-keys";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let ctx: WorkspaceContext;
beforeAll(async () => {
  temp = await createTempDatabase();
  ctx = await ownerContext(temp.db, "Kim");
});
afterAll(() => temp.cleanup());

/** The database, with the API key lookup held until `release()`. */
function withHeldLookup(db: Db) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const lookupStarted = new Promise<void>((resolve) => (started = resolve));
  const held = new Proxy(db, {
    get(target, property, receiver): unknown {
      if (property !== "apiKey") return Reflect.get(target, property, receiver);
      return new Proxy(target.apiKey, {
        get(apiKey, name, r): unknown {
          if (name !== "findUnique") return Reflect.get(apiKey, name, r);
          return async (args: Parameters<Db["apiKey"]["findUnique"]>[0]) => {
            const row = await apiKey.findUnique(args);
            started();
            await gate;
            return row;
          };
        },
      });
    },
  });
  return { held, release, lookupStarted };
}

describe("API key revocation and the key cache", () => {
  it("a key revoked while a request was reading it fails at once afterwards", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "racing" });
    const apiKeyId = (await temp.db.apiKey.findFirstOrThrow({ where: { name: "racing" } })).id;
    const header = `Bearer ${key}`;

    // A request reads the key (still valid) and is slow to finish…
    const { held, release, lookupStarted } = withHeldLookup(temp.db);
    const inFlight = authenticateApiKey(held, header);
    await lookupStarted;
    // …while an admin revokes it on this instance.
    await revokeApiKey(temp.db, ctx, { apiKeyId });
    release();
    await inFlight;

    expect(await authenticateApiKey(temp.db, header)).toBeNull();
  });

  it("still accepts and caches a valid key", async () => {
    const { key } = await createApiKey(temp.db, ctx, { name: "steady" });
    expect(await authenticateApiKey(temp.db, `Bearer ${key}`)).toMatchObject({ name: "steady" });
    expect(await authenticateApiKey(temp.db, `Bearer ${key}`)).toMatchObject({ name: "steady" });
  });
});
