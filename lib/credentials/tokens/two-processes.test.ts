// Two app instances = two OS processes sharing one database (the PostgreSQL
// schema named by DATABASE_URL, else a temp SQLite file, which several
// processes can share too). Nothing but the database lease stands between
// them and a double refresh, which Zoom punishes by killing the credential.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";

const CHILD_SCRIPT = fileURLToPath(
  new URL("../../../testing/credentials/tokens/get-token-child.ts", import.meta.url),
);
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CALLS_PER_INSTANCE = 50;
const SLOW_REFRESH_MS = 800;

type ChildResult =
  | { tokens: string[]; startedAt: number; finishedAt: number }
  | { error: { name?: string; message?: string; reason?: string } };

interface Instance {
  /** Hand over the database and credential; resolves once the instance is connected. */
  configure(env: Record<string, string>, credentialId: string, calls?: number): Promise<void>;
  start(): void;
  result: Promise<ChildResult>;
  pid: number | undefined;
  kill(signal?: NodeJS.Signals): void;
}

function spawnInstance(): Instance {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // whatever the test runner put there is not for a plain node child
  const child = spawn(process.execPath, ["--import", "tsx", CHILD_SCRIPT], {
    cwd: REPO_ROOT,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const output: string[] = [];
  let onReady: () => void = () => undefined;
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line === "ready") onReady();
    else output.push(line);
  });
  const result = exited.then((code) => {
    const last = output.at(-1);
    if (!last) throw new Error(`instance exited (${code}) without a result:\n${stderr}`);
    return JSON.parse(last) as ChildResult;
  });
  result.catch(() => undefined); // reported by whoever awaits it
  return {
    configure(childEnv, credentialId, calls = CALLS_PER_INSTANCE) {
      const ready = new Promise<void>((resolve, reject) => {
        onReady = resolve;
        void exited.then((code) =>
          reject(new Error(`instance exited (${code}) before it was ready: ${output.join("\n")}\n${stderr}`)),
        );
      });
      child.stdin.write(`${JSON.stringify({ env: childEnv, credentialId, calls })}\n`);
      return ready;
    },
    start: () => void child.stdin.write("go\n"),
    result,
    pid: child.pid,
    kill: (signal) => void child.kill(signal),
  };
}

// Started before the emulator and the database, so that their slow start
// (tsx, Prisma) overlaps with ours.
let instances: Instance[] = [];
beforeAll(() => {
  // Two for the shared refresh, two for the crash.
  instances = [spawnInstance(), spawnInstance(), spawnInstance(), spawnInstance()];
});
afterAll(() => {
  for (const instance of instances) instance.kill();
});

const t = setupTokenTest();

describe("getAccessToken across two processes", () => {
  it(`two instances × ${CALLS_PER_INSTANCE} parallel calls for an expired token: one refresh, one token for all`, async () => {
    const seeded = await t.seedOAuth();
    const before = await t.tokenCalls();
    const pair = instances.slice(0, 2);
    await Promise.all(pair.map((instance) => instance.configure(t.childEnv(), seeded.id)));
    // Hold the winning refresh at Zoom so the other process meets the lease, not a finished refresh.
    await t.emulator.control.addFault({ target: "token", kind: "slow", delayMs: SLOW_REFRESH_MS });
    for (const instance of pair) instance.start();
    const results = await Promise.all(pair.map((instance) => instance.result));

    const tokens: string[] = [];
    const runs: { startedAt: number; finishedAt: number }[] = [];
    for (const result of results) {
      if ("error" in result) throw new Error(`an instance failed: ${JSON.stringify(result.error)}`);
      expect(result.tokens).toHaveLength(CALLS_PER_INSTANCE);
      tokens.push(...result.tokens);
      runs.push(result);
    }
    // The instances really overlapped: each started before either had its token
    // (the refresh alone takes SLOW_REFRESH_MS), so the second one met the lease.
    expect(Math.max(...runs.map((r) => r.startedAt))).toBeLessThan(
      Math.min(...runs.map((r) => r.finishedAt)),
    );
    expect(Math.max(...runs.map((r) => r.finishedAt - r.startedAt))).toBeGreaterThanOrEqual(SLOW_REFRESH_MS);
    expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(seeded.tokens?.accessToken);
    await expect(
      getCurrentUser({ accessToken: tokens[0] ?? "", config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    expect(await t.row(seeded.id)).toMatchObject({
      status: "connected",
      version: 1,
      refreshLeaseOwner: null,
    });
    expect(await t.storedRefreshToken(seeded.id)).not.toBe(seeded.tokens?.refreshToken);
    expect(await t.auditEvents(seeded.id, "credential.refreshed")).toHaveLength(1);
  }, 30_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("getAccessToken when the instance holding the lease dies", () => {
  it("kill -9 of the holder while Zoom is answering: the waiting instance gives a definite answer within 15 s", async () => {
    const [holder, waiter] = instances.slice(2) as [Instance, Instance];
    const seeded = await t.seedOAuth();
    await Promise.all([
      holder.configure(t.childEnv(), seeded.id, 1),
      waiter.configure(t.childEnv(), seeded.id, 5),
    ]);
    const before = await t.tokenCalls();
    // Zoom sits on the holder's refresh (and does nothing until the wait is over).
    await t.emulator.control.addFault({ target: "token", kind: "slow", delayMs: 25_000 });
    holder.start();
    await until("the holder to take the lease and call Zoom", async () => {
      const row = await t.row(seeded.id);
      const calls = await t.tokenCalls();
      return (
        row.refreshLeaseOwner?.startsWith(`${holder.pid}:`) === true &&
        calls.refresh_token > before.refresh_token
      );
    });
    waiter.start();
    await sleep(1_000); // the waiter meets the live lease and waits
    const killedAt = Date.now();
    holder.kill("SIGKILL");

    const result = await waiter.result;
    if ("error" in result) throw new Error(`the waiter failed: ${JSON.stringify(result.error)}`);
    const answeredAfterMs = result.finishedAt - killedAt;
    console.info(`[two-processes] definite answer ${answeredAfterMs} ms after kill -9 of the lease holder`);
    expect(answeredAfterMs).toBeLessThan(15_000);
    expect(result.startedAt).toBeLessThan(killedAt);
    expect(new Set(result.tokens).size).toBe(1);
    await expect(
      getCurrentUser({ accessToken: result.tokens[0] ?? "", config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    expect(await t.row(seeded.id)).toMatchObject({
      status: "connected",
      version: 1,
      refreshLeaseOwner: null,
    });
    await t.emulator.control.clearFaults();
  }, 60_000);
});
