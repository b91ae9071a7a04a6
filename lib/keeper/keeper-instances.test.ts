// Two app instances = two OS processes sharing one database (the PostgreSQL
// schema named by DATABASE_URL, else a temp SQLite file). Each runs a keeper
// round at the same moment over the same due connections: the batch claims
// alone keep them from renewing and testing a connection twice.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OAUTH_APP, USER } from "@/testing/zoom-emulator/fixture";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import type { TickReport } from "./tick-report";
import { KEEP_ALIVE_MS } from "./keeper-rules";
import { seedConnections } from "../../testing/keeper/seed-connections";

const CHILD_SCRIPT = fileURLToPath(new URL("../../testing/keeper/keeper-child.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONNECTIONS = 16;

function spawnInstance() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ["--import", "tsx", CHILD_SCRIPT], {
    cwd: REPO_ROOT,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const output: string[] = [];
  let onReady: () => void = () => undefined;
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line === "ready") onReady();
    else output.push(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const result = exited.then((code) => {
    const parsed = JSON.parse(output.at(-1) ?? "null") as { report?: TickReport; error?: unknown } | null;
    if (!parsed?.report) throw new Error(`instance failed (${code}): ${JSON.stringify(parsed)}\n${stderr}`);
    return parsed.report;
  });
  result.catch(() => undefined);
  return {
    configure(childEnv: Record<string, string>, instance: string) {
      const ready = new Promise<void>((resolve, reject) => {
        onReady = resolve;
        void exited.then((code) => reject(new Error(`instance exited (${code}) before ready:\n${stderr}`)));
      });
      child.stdin.write(`${JSON.stringify({ env: childEnv, instance, batchSize: 4 })}\n`);
      return ready;
    },
    start: () => void child.stdin.write("go\n"),
    result,
    kill: () => void child.kill(),
  };
}

let instances: ReturnType<typeof spawnInstance>[] = [];
beforeAll(() => {
  instances = [spawnInstance(), spawnInstance()];
});
afterAll(() => {
  for (const instance of instances) instance.kill();
});

const t = setupTokenTest();

describe("two keeper instances sharing a round", () => {
  it(`${CONNECTIONS} connections due for keep-alive: each renewed and tested exactly once, the work shared`, async () => {
    const now = Date.now();
    const dayAgo = new Date(now - KEEP_ALIVE_MS - 60_000);
    const ids = await seedConnections(
      t.db,
      t.emulator.control,
      {
        clientId: OAUTH_APP.clientId,
        clientSecret: OAUTH_APP.clientSecret,
        userId: USER.id,
        accountId: USER.accountId,
      },
      Array.from({ length: CONNECTIONS }, () => ({
        lastRefreshedAt: dayAgo,
        lastTestedAt: dayAgo,
        accessTokenExpiresAt: new Date(dayAgo.getTime() + 3_600_000),
        keeperDueAt: new Date(now - 60_000),
      })),
    );
    await Promise.all(instances.map((instance, i) => instance.configure(t.childEnv(), `instance-${i}`)));
    // Zoom answers slowly, so the two rounds overlap for their whole length.
    await t.emulator.control.addFault({ target: "token", kind: "slow", delayMs: 150, count: 100 });
    for (const instance of instances) instance.start();
    const reports = await Promise.all(instances.map((instance) => instance.result));

    const counters = await t.emulator.control.counters();
    expect(counters.token.refresh_token).toBe(CONNECTIONS);
    expect(counters.usersMe).toBe(CONNECTIONS);
    expect(reports.reduce((sum, r) => sum + r.renewed, 0)).toBe(CONNECTIONS);
    expect(reports.reduce((sum, r) => sum + r.tested, 0)).toBe(CONNECTIONS);
    console.info(`[keeper-instances] ${JSON.stringify(reports)}`);
    // Both did a share of the work.
    for (const report of reports) expect(report.renewed).toBeGreaterThan(0);
    for (const id of ids) {
      expect(await t.auditEvents(id, "credential.refreshed")).toHaveLength(1);
      const row = await t.db.credential.findUniqueOrThrow({
        where: { id },
        select: { status: true, version: true, keeperClaimOwner: true, keeperDueAt: true },
      });
      expect(row).toMatchObject({ status: "connected", version: 1, keeperClaimOwner: null });
      expect(row.keeperDueAt!.getTime()).toBeGreaterThan(Date.now() + KEEP_ALIVE_MS - 120_000);
    }
  }, 60_000);
});
