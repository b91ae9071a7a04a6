// PostgreSQL goes away while Zoom's answer to a renewal is in flight: Zoom has
// rotated, so the new set is the only live one. Through a TCP proxy of our own
// that drops every connection for 3 s and for 30 s, the connection must stay
// Connected, its new token must work, and nothing may be refused afterwards.
// Then the same with the instance killed (SIGKILL) before the database came
// back: the next start replays the set from its journal.
// (PostgreSQL only: SQLite is a file, there is no connection to cut.)
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { OAUTH_APP } from "@/testing/zoom-emulator/fixture";
import { createDb, type Db } from "@/lib/db/client";
import { startCuttableProxy } from "@/testing/db/cuttable-proxy";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { getAccessToken } from "./get-access-token";
import { replayRotatedSets } from "./rotated-sets";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";
import { until } from "../../../testing/credentials/tokens/until";

const t = setupTokenTest();
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened) await resource.close();
});

/** The test's own database, reached through a proxy that can be cut. */
async function proxiedDatabase(): Promise<{
  db: Db;
  url: string;
  proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
}> {
  const url = new URL(t.url);
  const proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const db = createDb(url.toString());
  opened.push({ close: async () => (await db.$disconnect().catch(() => undefined), await proxy.close()) });
  return { db, url: url.toString(), proxy };
}

const CHILD_SCRIPT = fileURLToPath(
  new URL("../../../testing/credentials/tokens/renew-child.ts", import.meta.url),
);
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Another app instance (testing/credentials/tokens/renew-child.ts), speaking in lines. */
function startInstance(env: Record<string, string>, credentialId: string) {
  const childEnv = { ...process.env };
  delete childEnv.NODE_OPTIONS; // the test runner's, not for a plain node child
  const child = spawn(process.execPath, ["--import", "tsx", CHILD_SCRIPT], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise((resolve) => child.on("close", resolve));
  child.stdin.write(`${JSON.stringify({ env, credentialId })}\n`);
  opened.push({ close: () => Promise.resolve(void child.kill("SIGKILL")) });
  return {
    next: async () => (await lines.next()).value as string,
    go: () => void child.stdin.write("go\n"),
    crash: async () => (child.kill("SIGKILL"), await exited),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([3_000, 30_000])("the database cut for %i ms during a renewal", (cutMs) => {
  it(
    "keeps the connection: Connected, the new token works, the next renewal too",
    { timeout: cutMs + 60_000 },
    async () => {
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
    },
  );
});

describe("the instance is killed while the database is away", () => {
  it(
    "the next start replays the journaled set: still Connected, the token works",
    { timeout: 90_000 },
    async () => {
      const seeded = await t.seedOAuth();
      const { url, proxy } = await proxiedDatabase();
      const instance = startInstance({ ...t.childEnv(), DATABASE_URL: url }, seeded.id);
      expect(await instance.next()).toBe("ready");
      const refreshesBefore = (await t.tokenCalls()).refresh_token;
      await t.emulator.control.addFault({
        target: "token",
        kind: "slow_answer",
        delayMs: 1_500,
        clientId: OAUTH_APP.clientId,
      });
      instance.go();
      await until(async () => (await t.tokenCalls()).refresh_token > refreshesBefore, 10_000);
      proxy.cut();
      const answer = JSON.parse(await instance.next()) as { accessToken?: string; error?: string };
      expect(answer.error).toBeUndefined();

      // kill -9 while its writer still retries; then the database comes back.
      await instance.crash();
      proxy.restore();
      expect(await t.row(seeded.id)).toMatchObject({ version: 0 });

      // The next start of that instance (same DATA_DIR) replays its journal.
      expect(replayRotatedSets(t.db)).toBe(1);
      await until(async () => (await t.row(seeded.id)).version === 1, 20_000);
      expect(await t.row(seeded.id)).toMatchObject({ status: "connected", lastErrorCode: null });
      await expect(
        getCurrentUser({ accessToken: answer.accessToken!, config: t.emulator.config }),
      ).resolves.toMatchObject({ id: "user-1" });
      await expect(getAccessToken(t.db, seeded.id, { force: true })).resolves.toMatchObject({ version: 2 });
    },
  );
});
