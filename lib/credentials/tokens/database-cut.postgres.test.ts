// PostgreSQL goes away while Zoom's answer to a renewal is in flight: Zoom has
// rotated, so the new set is the only live one. Through a TCP proxy of our own
// that drops every connection for 3 s and for 30 s, the connection must stay
// Connected, its new token must work, and nothing may be refused afterwards.
// (PostgreSQL only: SQLite is a file, there is no connection to cut.)
import { afterAll, describe, expect, it } from "vitest";
import { OAUTH_APP } from "@/e2e/zoom-emulator/fixture";
import { createDb, type Db } from "@/lib/db/client";
import { startCuttableProxy } from "@/lib/db/testing/cuttable-proxy";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { getAccessToken } from "./get-access-token";
import { setupTokenTest } from "./testing/token-fixture";

const t = setupTokenTest();
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened) await resource.close();
});

/** The test's own database, reached through a proxy that can be cut. */
async function proxiedDatabase(): Promise<{ db: Db; proxy: Awaited<ReturnType<typeof startCuttableProxy>> }> {
  const url = new URL(t.url);
  const proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const db = createDb(url.toString());
  opened.push({ close: async () => (await db.$disconnect().catch(() => undefined), await proxy.close()) });
  return { db, proxy };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(100);
  }
}

describe.each([3_000, 30_000])("the database cut for %i ms during a renewal", (cutMs) => {
  it("keeps the connection: Connected, the new token works, the next renewal too", { timeout: cutMs + 60_000 }, async () => {
    const seeded = await t.seedOAuth();
    const { db, proxy } = await proxiedDatabase();
    await db.credential.count(); // the pool is open before the cut
    const refreshesBefore = (await t.tokenCalls()).refresh_token;

    // Zoom rotates at once and answers 1.5 s later; the database is cut in between.
    await t.emulator.control.addFault({
      target: "token",
      kind: "slow_answer",
      delayMs: 1_500,
      clientId: OAUTH_APP.clientId,
    });
    const renewal = getAccessToken(db, seeded.id);
    await until(async () => (await t.tokenCalls()).refresh_token > refreshesBefore, 5_000);
    proxy.cut();

    // The caller gets the new set's token, and it works at Zoom while the database is still away.
    const token = await renewal;
    await expect(
      getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    await expect(getAccessToken(db, seeded.id)).resolves.toMatchObject({ accessToken: token.accessToken });

    await sleep(Math.max(0, cutMs - 1_500));
    expect(await t.row(seeded.id)).toMatchObject({ version: 0, status: "connected" });
    proxy.restore();

    // Written once the database answers again (the writer backs off at most 5 s).
    await until(async () => (await t.row(seeded.id)).version === 1, 20_000);
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", lastErrorCode: null });
    expect(await t.storedRefreshToken(seeded.id)).not.toBe(seeded.tokens?.refreshToken);

    // The stored set is Zoom's live one: renewing again works, through the proxy too.
    const next = await getAccessToken(db, seeded.id, { force: true });
    expect(next.version).toBe(2);
    await expect(
      getCurrentUser({ accessToken: next.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 2 });
  });
});
