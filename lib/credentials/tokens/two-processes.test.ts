// Two app instances = two OS processes sharing one database (the PostgreSQL
// schema named by DATABASE_URL, else a temp SQLite file, which several
// processes can share too). Nothing but the database lease stands between
// them and a double refresh, which Zoom punishes by killing the credential.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { setupTokenTest } from "./testing/token-fixture";

const CHILD_SCRIPT = fileURLToPath(new URL("./testing/get-token-child.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CALLS_PER_INSTANCE = 50;
const SLOW_REFRESH_MS = 800;

type ChildResult =
  | { tokens: string[]; startedAt: number; finishedAt: number }
  | { error: { name?: string; message?: string; reason?: string } };

interface Instance {
  /** Hand over the database and credential; resolves once the instance is connected. */
  configure(env: Record<string, string>, credentialId: string): Promise<void>;
  start(): void;
  result: Promise<ChildResult>;
  kill(): void;
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
    configure(childEnv, credentialId) {
      const ready = new Promise<void>((resolve, reject) => {
        onReady = resolve;
        void exited.then((code) =>
          reject(new Error(`instance exited (${code}) before it was ready: ${output.join("\n")}\n${stderr}`)),
        );
      });
      child.stdin.write(`${JSON.stringify({ env: childEnv, credentialId, calls: CALLS_PER_INSTANCE })}\n`);
      return ready;
    },
    start: () => void child.stdin.write("go\n"),
    result,
    kill: () => void child.kill(),
  };
}

// Started before the emulator and the database, so that their slow start
// (tsx, Prisma) overlaps with ours.
let instances: Instance[] = [];
beforeAll(() => {
  instances = [spawnInstance(), spawnInstance()];
});
afterAll(() => {
  for (const instance of instances) instance.kill();
});

const t = setupTokenTest();

describe("getAccessToken across two processes", () => {
  it(`two instances × ${CALLS_PER_INSTANCE} parallel calls for an expired token: one refresh, one token for all`, async () => {
    const seeded = await t.seedOAuth();
    const before = await t.tokenCalls();
    await Promise.all(instances.map((instance) => instance.configure(t.childEnv(), seeded.id)));
    // Hold the winning refresh at Zoom so the other process meets the lease, not a finished refresh.
    await t.emulator.control.addFault({ target: "token", kind: "slow", delayMs: SLOW_REFRESH_MS });
    for (const instance of instances) instance.start();
    const results = await Promise.all(instances.map((instance) => instance.result));

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
