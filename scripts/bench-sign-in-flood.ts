// npm run bench:sign-in-flood — does a flood of sign-ins slow the token API?
// Starts the built app (npm start, a database of its own in
// .bench-data-sign-in), then measures the token API (a cached token, wrk with
// 8 connections, or the Node load generator when wrk is missing) side by side:
//   1. quiet;
//   2. while 50 parallel sign-ins with random emails run from one address;
//   3. while 50 parallel sign-ins run, each from its own address (127.0.1.x:
//      on Linux the whole 127/8 is loopback), which no per-address limit stops;
//   4. quiet again (how much the machine itself moved meanwhile).
// It prints p50 / p99 per phase, each flooded p99 against the quiet ones
// (the goal is within 2×), and what the sign-ins were answered. Every load
// runs in a process of its own. It asserts nothing.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3710);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const PARALLEL = Number(process.env.BENCH_SIGN_INS ?? 50);
const dataDir = path.resolve(".bench-data-sign-in");
rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${path.join(dataDir, "bench.db")}`,
  PORT: String(PORT),
  APP_URL: `http://127.0.0.1:${PORT}`,
  KEEPER_INTERVAL_SECONDS: "0",
  NEXT_TELEMETRY_DISABLED: "1",
  // The cached token is served without Zoom; nothing here may reach the real one.
  ZOOM_OAUTH_BASE_URL: "http://127.0.0.1:9",
  ZOOM_API_BASE_URL: "http://127.0.0.1:9/v2",
});

const { getEnv } = await import("../lib/env");
const { migrateDatabase } = await import("../lib/db/migrate");
const { createDb } = await import("../lib/db/client");
const { encrypt } = await import("../lib/crypto");
const { credentialSecretContext } = await import("../lib/crypto/encrypted-columns");
const { newApiKey } = await import("../lib/api-keys/api-key-format");

const env = getEnv();
await migrateDatabase(env.databaseUrl);
const db = createDb(env.databaseUrl);

// One connected credential whose stored token has an hour left (the cached path), and a key for it.
const user = await db.user.create({
  data: { email: "bench@bench.example", name: "Bench", passwordHash: "-" },
});
const workspace = await db.workspace.create({ data: { name: "bench", slug: "bench" } });
const credential = await db.credential.create({
  data: {
    workspaceId: workspace.id,
    ownerId: user.id,
    name: "Bench",
    method: "oauth",
    status: "connected",
    apiUrl: "http://127.0.0.1:9",
    grantedScopes: "user:read:user",
    zoomUserId: "zu1",
    zoomEmail: "z@zoom.example",
    zoomAccountId: "acct",
  },
});
await db.credential.update({
  where: { id: credential.id },
  data: {
    accessTokenEnc: encrypt("bench-access-token", credentialSecretContext(credential.id, "accessTokenEnc")),
    accessTokenExpiresAt: new Date(Date.now() + 3600_000),
  },
});
const { key, prefix, keyHash } = newApiKey();
await db.apiKey.create({
  data: { workspaceId: workspace.id, name: "bench", prefix, keyHash, createdById: user.id },
});
await db.$disconnect();

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: process.env,
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout.on("data", (chunk: Buffer) =>
    chunk.toString().includes("[startup]") ? resolve() : undefined,
  );
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

const app = `http://127.0.0.1:${PORT}`;
const tokenUrl = `${app}/api/v1/credentials/${credential.id}/token`;
const useWrk = spawnSync("wrk", ["--version"]).error === undefined;

type Load = { rps: number; p50: number; p99: number; failures: number };
const output = (child: ReturnType<typeof spawn>) =>
  new Promise<string>((resolve) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", () => resolve(out));
  });

// wrk's latency distribution line, e.g. "     99%  12.34ms", in ms.
const wrkMs = (text: string, label: string) => {
  const match = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(text);
  if (!match) return NaN;
  return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
};

async function tokenLoad(): Promise<Load> {
  if (useWrk) {
    // A generous timeout: a stalled answer must count in the latencies, not vanish as a timeout.
    const args = ["-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--timeout", "60s", "--latency"];
    const text = await output(
      spawn("wrk", [...args, "-H", `Authorization: Bearer ${key}`, tokenUrl], {
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN),
      p50: wrkMs(text, "50%"),
      p99: wrkMs(text, "99%"),
      failures:
        Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0) +
        Number(/timeout (\d+)/.exec(text)?.[1] ?? 0),
    };
  }
  const options = JSON.stringify({
    url: tokenUrl,
    headers: { Authorization: `Bearer ${key}` },
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  const text = await output(
    spawn(process.execPath, ["--import", "tsx", "scripts/lib/load-generator.ts", options], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  return JSON.parse(text.trim().split("\n").pop() ?? "{}") as Load;
}

type Flood = { outcomes: Record<string, number>; attemptsPerSecond: number; medianMs: number };
const signInFlood = (parallel: number, seconds: number, localAddresses: string[]) =>
  output(
    spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/lib/sign-in-flood.ts",
        JSON.stringify({ appUrl: app, parallel, seconds, localAddresses }),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    ),
  );
async function flooded(localAddresses: string[]): Promise<{ load: Load; flood: Flood }> {
  const flood = signInFlood(PARALLEL, SECONDS + 3, localAddresses);
  // The flood's loops first fetch their CSRF token; measure once they are all signing in.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const load = await tokenLoad();
  return { load, flood: JSON.parse((await flood).trim().split("\n").pop() ?? "{}") as Flood };
}

// Warm-up: JIT, the server's caches, and the sign-in route's first load (which would
// otherwise land in the first flooded phase).
await signInFlood(4, 3, ["127.0.0.9"]);
await tokenLoad();
const quiet = await tokenLoad();
const oneAddress = await flooded(["127.0.0.1"]);
const manyAddresses = await flooded(Array.from({ length: PARALLEL }, (_, i) => `127.0.1.${i + 1}`));
const quietAgain = await tokenLoad();
server.kill("SIGTERM");

const quietP99 = (quiet.p99 + quietAgain.p99) / 2;
const row = (label: string, r: Load, extra = "") =>
  console.log(
    !(r.rps > 0)
      ? `  ${label.padEnd(34)} not one answer in ${SECONDS} s`
      : `  ${label.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   ` +
          `${r.rps.toFixed(0).padStart(6)} req/s   non-200 ${r.failures}${extra}`,
  );
const ratio = (r: Load) => `   p99 ${(r.p99 / quietP99).toFixed(2)}× quiet`;
const signIns = (f: Flood) =>
  `    sign-ins: ${f.attemptsPerSecond.toFixed(1)}/s, median answer ${f.medianMs.toFixed(0)} ms — ` +
  Object.entries(f.outcomes)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(", ");
const cores = (await import("node:os")).cpus().length;
console.log(
  `\nToken API while sign-ins flood — ${useWrk ? "wrk" : "Node load generator"}, ${CONNECTIONS} connections, ` +
    `${SECONDS} s a phase, ${PARALLEL} parallel sign-ins with random emails, ${env.databaseKind}, ` +
    `${cores} cores (the loads share them)`,
);
row("quiet", quiet);
row("flood from one address", oneAddress.load, ratio(oneAddress.load));
console.log(signIns(oneAddress.flood));
row(`flood from ${PARALLEL} addresses`, manyAddresses.load, ratio(manyAddresses.load));
console.log(signIns(manyAddresses.flood));
row("quiet again", quietAgain);
console.log(`  goal: flooded p99 within 2× of quiet (mean of the quiet phases, ${quietP99.toFixed(1)} ms)`);
process.exit(0);
