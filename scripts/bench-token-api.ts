// npm run bench:token-api — measures, on this machine:
//  1. the token API for a cached token at 32 concurrent connections (req/s,
//     p50, p99) against a constant-JSON route of the same server (the
//     framework's ceiling here): throughput ratio (goal ≥ 0.9) and p99 ratio
//     (goal ≤ 1.3);
//  2. the Zoom proxy (GET users/me through the app) against the same call
//     made directly to the Zoom emulator: the proxy's overhead;
//  3. the admins' Credentials table's server time with 10 and 10,000 credentials.
// The load comes from a process of its own (scripts/lib/load-generator.ts).
// It builds the app if needed, uses a database of its own (.bench-data), and
// prints figures; it asserts nothing.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3700);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = path.resolve(".bench-data");
rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "bench.db")}`,
  PORT: String(PORT),
  APP_URL: `http://127.0.0.1:${PORT}`,
  KEEPER_INTERVAL_SECONDS: "0",
  NEXT_TELEMETRY_DISABLED: "1",
});

const { getEnv } = await import("../lib/env");
const { migrateDatabase } = await import("../lib/db/migrate");
const { createDb } = await import("../lib/db/client");
const { encrypt } = await import("../lib/crypto");
const { credentialSecretContext } = await import("../lib/crypto/encrypted-columns");
const { newApiKey } = await import("../lib/api-keys/api-key-format");
const { listWorkspaceCredentials } = await import("../lib/credentials/list-workspace-credentials");
const { startZoomEmulator } = await import("../testing/zoom-emulator/server");

// A Zoom emulator with a Server-to-Server app: its grant is a real token the proxy can use.
const emulator = await startZoomEmulator({ port: 0 });
process.env.ZOOM_OAUTH_BASE_URL = emulator.url;
process.env.ZOOM_API_BASE_URL = `${emulator.url}/v2`;
const control = async (route: string, body: unknown) =>
  fetch(`${emulator.url}/__emulator${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
await control("/apps", {
  clientId: "benchs2s",
  clientSecret: "bench-secret-0123456789",
  type: "s2s",
  accountId: "bench-acct",
  scopes: ["user:read:user:admin"],
  activated: true,
});
await control("/users", {
  id: "bench-user",
  email: "bench@zoom.example",
  firstName: "Bench",
  lastName: "User",
  accountId: "bench-acct",
});
const grant = (await (
  await fetch(`${emulator.url}/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from("benchs2s:bench-secret-0123456789").toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=account_credentials&account_id=bench-acct",
  })
).json()) as { access_token: string };
const { parseCredentialFilters } = await import("../lib/credentials/credential-filters");

const env = getEnv();
await migrateDatabase(env.databaseUrl);
const db = createDb(env.databaseUrl);

async function seedWorkspace(name: string, credentials: number) {
  const user = await db.user.create({ data: { email: `${name}@bench.example`, name, passwordHash: "-" } });
  const workspace = await db.workspace.create({ data: { name, slug: name } });
  const statuses = [
    "connected",
    "connected",
    "connected",
    "needs_reconnect",
    "expiring_soon",
    "error",
    "draft",
  ];
  for (let start = 0; start < credentials; start += 1000) {
    await db.credential.createMany({
      data: Array.from({ length: Math.min(1000, credentials - start) }, (_, i) => ({
        workspaceId: workspace.id,
        ownerId: user.id,
        name: `Credential ${start + i}`,
        method: (start + i) % 4 === 0 ? "s2s" : "oauth",
        status: statuses[(start + i) % statuses.length]!,
        zoomEmail: `user${start + i}@zoom.example`,
        lastRefreshedAt: new Date(Date.now() - ((start + i) % 3600) * 1000),
      })),
    });
  }
  return { user, workspace };
}

// A connected credential whose stored token has an hour left: the cached path.
const { user, workspace } = await seedWorkspace("bench-api", 0);
const credential = await db.credential.create({
  data: {
    workspaceId: workspace.id,
    ownerId: user.id,
    name: "Bench",
    method: "oauth",
    status: "connected",
    apiUrl: emulator.url,
    grantedScopes: "user:read:user",
    zoomUserId: "zu1",
    zoomEmail: "z@zoom.example",
    zoomAccountId: "acct",
  },
});
await db.credential.update({
  where: { id: credential.id },
  data: {
    accessTokenEnc: encrypt(grant.access_token, credentialSecretContext(credential.id, "accessTokenEnc")),
    accessTokenExpiresAt: new Date(Date.now() + 3600_000),
  },
});
const { key, prefix, keyHash } = newApiKey();
await db.apiKey.create({
  data: { workspaceId: workspace.id, name: "bench", prefix, keyHash, createdById: user.id },
});

// The admin table, timed in-process (its server work, without HTTP).
async function timeTable(workspaceId: string, query: Record<string, string>) {
  const filters = parseCredentialFilters(query);
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    await listWorkspaceCredentials(db, workspaceId, filters);
    times.push(performance.now() - start);
  }
  return percentile(times.slice(5), 50);
}
const small = await seedWorkspace("bench-10", 10);
const large = await seedWorkspace("bench-10000", 10_000);
const table = {
  "10 credentials, first page": await timeTable(small.workspace.id, {}),
  "10,000 credentials, first page": await timeTable(large.workspace.id, {}),
  "10,000 credentials, status filter + sort by name": await timeTable(large.workspace.id, {
    status: "needs_reconnect",
    sort: "name",
    dir: "asc",
  }),
  "10,000 credentials, search": await timeTable(large.workspace.id, { q: "user99" }),
  "10,000 credentials, page 200": await timeTable(large.workspace.id, { page: "200" }),
};

// Where a token request's server time goes, each part timed in-process (load on the machine
// moves these less than it moves HTTP figures): what the hot path used to do per request, and
// what it does now.
const { authenticateApiKey } = await import("../lib/api-keys/authenticate-api-key");
const { servedToken } = await import("../lib/token-api/served-token");
const { readTokenRow, usableToken } = await import("../lib/credentials/tokens/read-token");
const { recordAuditEvent } = await import("../lib/audit/record-event");
const { hashApiKey } = await import("../lib/api-keys/api-key-format");
async function perCall(times: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(50, times); i++) await work();
  const start = performance.now();
  for (let i = 0; i < times; i++) await work();
  return ((performance.now() - start) / times) * 1000; // µs
}
const tokenRow = (await readTokenRow(db, credential.id))!;
const caller = (await authenticateApiKey(db, `Bearer ${key}`))!;
const profile = {
  "API key lookup (database read)": await perCall(500, () =>
    db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, select: { id: true, revokedAt: true } }),
  ),
  "credential read": await perCall(500, () => readTokenRow(db, credential.id)),
  "decrypt the access token": await perCall(5000, () => usableToken(tokenRow, 0)),
  "lastUsedAt write": await perCall(100, () =>
    db.credential.update({ where: { id: credential.id }, data: { lastUsedAt: new Date() } }),
  ),
  "audit write": await perCall(100, () =>
    recordAuditEvent(db, {
      workspaceId: workspace.id,
      action: "credential.token_fetched",
      actor: { apiKeyId: caller.apiKeyId, label: "bench" },
      credentialId: credential.id,
    }),
  ),
  "now: key + token from memory (whole hot path)": await perCall(20_000, async () => {
    const who = await authenticateApiKey(db, `Bearer ${key}`);
    return servedToken(db, who!, credential.id, "token");
  }),
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

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

type Load = { rps: number; p50: number; p99: number; failures: number };
async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const options = JSON.stringify({ url, headers, connections: CONNECTIONS, seconds: SECONDS });
  const generator = spawn(process.execPath, ["--import", "tsx", "scripts/lib/load-generator.ts", options], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  generator.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => generator.on("close", resolve));
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as Load;
}

const app = `http://127.0.0.1:${PORT}`;
const auth = { Authorization: `Bearer ${key}` };
const ceiling = await load(`${app}/api/health`);
const tokenApi = await load(`${app}/api/v1/credentials/${credential.id}/token`, auth);
const direct = await load(`${emulator.url}/v2/users/me`, { Authorization: `Bearer ${grant.access_token}` });
const proxied = await load(`${app}/api/v1/credentials/${credential.id}/zoom/users/me`, auth);
server.kill("SIGTERM");
await emulator.close();
await db.$disconnect();

const fmt = (r: Load) =>
  [
    `${r.rps.toFixed(0).padStart(6)} req/s`,
    `p50 ${r.p50.toFixed(1).padStart(5)} ms`,
    `p99 ${r.p99.toFixed(1).padStart(5)} ms`,
    `non-200: ${r.failures}`,
  ].join("   ");
const cores = (await import("node:os")).cpus().length;
console.log(
  `\nToken API benchmark — ${CONNECTIONS} connections, ${SECONDS} s each, ${env.databaseKind}, ` +
    `this machine (${cores} cores; the load generator shares them)`,
);
console.log(`  constant JSON route   ${fmt(ceiling)}`);
console.log(`  token API (cached)    ${fmt(tokenApi)}`);
console.log(
  `  ratio token/ceiling   throughput ${(tokenApi.rps / ceiling.rps).toFixed(2)} (goal ≥ 0.90)   ` +
    `p99 ${(tokenApi.p99 / ceiling.p99).toFixed(2)}× (goal ≤ 1.30)`,
);
console.log(`\nZoom proxy — GET users/me against the Zoom emulator`);
console.log(`  direct to the emulator ${fmt(direct)}`);
console.log(`  through the proxy      ${fmt(proxied)}`);
console.log(
  `  proxy overhead         p50 +${(proxied.p50 - direct.p50).toFixed(1)} ms   p99 +${(proxied.p99 - direct.p99).toFixed(1)} ms   ` +
    `throughput ${(proxied.rps / direct.rps).toFixed(2)} of direct`,
);
console.log(`\nWhere a token request's time goes — in-process, µs per call`);
for (const [label, us] of Object.entries(profile))
  console.log(`  ${label.padEnd(50)} ${us.toFixed(1).padStart(8)} µs`);
console.log(`\nCredentials table (admins) — server time (median of 20)`);
for (const [label, ms] of Object.entries(table))
  console.log(`  ${label.padEnd(50)} ${ms.toFixed(1).padStart(6)} ms`);
process.exit(0);
