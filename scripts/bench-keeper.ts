// npm run bench:keeper — a simulated day of the background keeper, on this
// machine, against the in-process Zoom emulator, with a clock the bench moves:
// 10,000 and 100,000 OAuth connections, a tenth of them used by a node every
// few minutes. Prints, per size: Zoom calls per idle and per active connection
// per day, the largest backlog a round left, the longest time an active
// connection's stored token was expired, and database queries and wall time
// per round. It asserts nothing.
//
//   BENCH_SIZES=10000,100000   sizes to run
//   BENCH_HOURS=2,0.5          simulated hours per size (100,000 × 24 h is ~300,000 renewals:
//                              more than this machine does in ten minutes; the window's
//                              figures are scaled to a day, the idle rows' renewals being
//                              spread evenly over the day)
//   BENCH_INTERVAL_SECONDS=60  the keeper's interval (one round each)
//   KEEPER_CONCURRENCY=4
import { rmSync } from "node:fs";
import path from "node:path";

// The simulated clock: every `new Date()` / `Date.now()` in this process (the
// app's code and the emulator's) reads real time plus an offset the bench moves.
const RealDate = Date;
let offsetMs = 0;
class SimulatedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string]));
  }
  static override now() {
    return RealDate.now() + offsetMs;
  }
}
globalThis.Date = SimulatedDate as DateConstructor;

const MIN = 60_000;
const HOUR = 60 * MIN;
const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const hoursList = (process.env.BENCH_HOURS ?? "2,0.5").split(",").map(Number);
const intervalMs = Number(process.env.BENCH_INTERVAL_SECONDS ?? 60) * 1000;
const concurrency = Number(process.env.KEEPER_CONCURRENCY ?? 4);
const USE_EVERY_MS = 5 * MIN;

const dataDir = path.resolve(process.env.BENCH_DIR ?? ".bench-keeper");
rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  DATA_DIR: dataDir,
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  NEXTAUTH_SECRET: "bench-keeper-secret-0123456789abcdefghij",
  KEEPER_INTERVAL_SECONDS: "0",
});

const { startZoomEmulator } = await import("../testing/zoom-emulator/server");
const { emulatorControl } = await import("../testing/zoom-emulator/control-client");
const emulator = await startZoomEmulator({ port: 0 });
process.env.ZOOM_OAUTH_BASE_URL = emulator.url;
process.env.ZOOM_API_BASE_URL = `${emulator.url}/v2`;
const control = emulatorControl(emulator.url);

const { migrateDatabase } = await import("../lib/db/migrate");
const { createDb } = await import("../lib/db/client");
const { keeperTick } = await import("../lib/keeper/keeper-tick");
const { seedConnections } = await import("../testing/keeper/seed-connections");

const USER = {
  id: "bench-user",
  email: "bench@example.com",
  firstName: "B",
  lastName: "B",
  accountId: "acct-b",
};
const appOf = (clientId: string) => ({
  clientId,
  clientSecret: `${clientId}-secret-0123456789`,
  type: "oauth" as const,
  redirectUrls: ["http://127.0.0.1:3000/api/auth/callback/zoom"],
  scopes: ["user:read:user"],
  accountId: USER.accountId,
});
const ACTIVE = appOf("bench-active");
const IDLE = appOf("bench-idle");

const spread = (i: number, n: number, spanMs: number) => Math.floor(((i + 0.5) / n) * spanMs);

async function run(size: number, hours: number) {
  offsetMs = 0;
  await control.reset();
  await control.registerUser(USER);
  await control.registerApp(ACTIVE);
  await control.registerApp(IDLE);
  const url = `file:${path.join(dataDir, `keeper-${size}.db`)}`;
  await migrateDatabase(url);
  let queries = 0;
  const db = createDb(url).$extends({
    query: {
      $allOperations({ args, query }) {
        queries++;
        return query(args) as Promise<unknown>;
      },
    },
  }) as unknown as ReturnType<typeof createDb>;

  // A steady state: active tokens expire spread over the next hour; idle ones
  // were renewed (and tested) spread over the last day.
  const start = Date.now();
  const seedingBegan = RealDate.now();
  const active = Math.round(size / 10);
  const idle = size - active;
  const seedStarted = performance.now();
  const seedApp = (app: typeof ACTIVE) => ({ ...app, userId: USER.id, accountId: USER.accountId });
  await seedConnections(
    db,
    control,
    seedApp(ACTIVE),
    Array.from({ length: active }, (_, i) => {
      // Steady state: tokens within 10 minutes of expiry would have been renewed already.
      const expires = start + 11 * MIN + spread(i, active, 49 * MIN);
      return {
        lastUsedAt: new Date(start),
        accessTokenExpiresAt: new Date(expires),
        lastRefreshedAt: new Date(expires - HOUR),
        lastTestedAt: new Date(start - spread(i, active, 24 * HOUR)),
      };
    }),
  );
  await seedConnections(
    db,
    control,
    seedApp(IDLE),
    Array.from({ length: idle }, (_, i) => {
      const refreshed = start - spread(i, idle, 24 * HOUR);
      return {
        accessTokenExpiresAt: new Date(refreshed + HOUR),
        lastRefreshedAt: new Date(refreshed),
        lastTestedAt: new Date(refreshed),
      };
    }),
  );
  // Seeding takes real time, which the clock would count: the day starts when the rows are in.
  const baseOffsetMs = -(RealDate.now() - seedingBegan);
  const { id: activeAppId } = await db.zoomApp.findFirstOrThrow({
    where: { developmentClientId: ACTIVE.clientId },
    select: { id: true },
  });
  console.log(
    `\n${size.toLocaleString("en")} connections (${active.toLocaleString("en")} used, ${idle.toLocaleString("en")} idle), seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; simulating ${hours} h in rounds of ${intervalMs / 1000} s, KEEPER_CONCURRENCY=${concurrency}`,
  );

  const rounds = Math.round((hours * HOUR) / intervalMs);
  const wall: number[] = [];
  const perRoundQueries: number[] = [];
  let largestBacklog = 0;
  let lastBacklog = 0;
  let longestExpiredMs = Number.NEGATIVE_INFINITY;
  let unfinished = 0;
  let renewFailed = 0;
  let testFailed = 0;
  let lastUse = Number.NEGATIVE_INFINITY;
  const simStarted = performance.now();
  for (let round = 1; round <= rounds; round++) {
    offsetMs = baseOffsetMs + round * intervalMs;
    const now = new Date();
    if (now.getTime() - lastUse >= USE_EVERY_MS) {
      // The nodes fetch their tokens (the token API writes lastUsedAt, throttled).
      await db.credential.updateMany({ where: { zoomAppId: activeAppId }, data: { lastUsedAt: now } });
      lastUse = now.getTime();
    }
    queries = 0;
    const began = performance.now();
    const report = await keeperTick(db, { now, concurrency, budgetMs: intervalMs * 0.75 });
    wall.push(performance.now() - began);
    perRoundQueries.push(queries);
    if (report.unfinished) unfinished++;
    renewFailed += report.renewFailed;
    testFailed += report.testFailed;
    lastBacklog = await db.credential.count({ where: { keeperDueAt: { lte: now } } });
    largestBacklog = Math.max(largestBacklog, lastBacklog);
    const oldest = await db.credential.aggregate({
      where: { zoomAppId: activeAppId },
      _min: { accessTokenExpiresAt: true },
    });
    longestExpiredMs = Math.max(longestExpiredMs, Date.now() - oldest._min.accessTokenExpiresAt!.getTime());
    if (round % Math.max(1, Math.round(rounds / 8)) === 0)
      console.log(
        `  ${((round * intervalMs) / HOUR).toFixed(1)} h simulated after ${((performance.now() - simStarted) / 1000).toFixed(0)} s`,
      );
  }

  // Rounds take real time too, which the clock counts: scale by the time really simulated.
  const simulatedHours = (Date.now() - start) / HOUR;
  const perDay = 24 / simulatedHours;
  const calls = async (clientId: string, n: number) => {
    const c = await control.counters(clientId);
    const total = c.token.refresh_token + c.usersMe;
    return {
      perDay: (total * perDay) / n,
      renewals: (c.token.refresh_token * perDay) / n,
      tests: (c.usersMe * perDay) / n,
    };
  };
  const idleCalls = await calls(IDLE.clientId, idle);
  const activeCalls = await calls(ACTIVE.clientId, active);
  const sorted = [...wall].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const scaled = hours === 24 ? "" : ` (${simulatedHours.toFixed(2)} h window × ${perDay.toFixed(1)})`;
  console.log(
    `  Zoom calls per idle connection per day${scaled}: ${idleCalls.perDay.toFixed(2)} (renewals ${idleCalls.renewals.toFixed(2)}, tests ${idleCalls.tests.toFixed(2)})`,
  );
  console.log(
    `  Zoom calls per active connection per day${scaled}: ${activeCalls.perDay.toFixed(1)} (renewals ${activeCalls.renewals.toFixed(1)}, tests ${activeCalls.tests.toFixed(2)})`,
  );
  console.log(
    `  largest backlog left by a round: ${largestBacklog}; after the last round: ${lastBacklog}; rounds out of time: ${unfinished}/${rounds}`,
  );
  console.log(
    `  longest time an active connection's stored token was expired: ${longestExpiredMs > 0 ? `${(longestExpiredMs / 1000).toFixed(0)} s` : `never (closest: ${(-longestExpiredMs / 60_000).toFixed(1)} min left)`}`,
  );
  console.log(
    `  per round: ${mean(perRoundQueries).toFixed(0)} database queries on average (max ${Math.max(...perRoundQueries)}); wall time p50 ${pct(0.5).toFixed(0)} ms, p99 ${pct(0.99).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (interval ${intervalMs / 1000} s)`,
  );
  const statuses = await db.credential.groupBy({ by: ["status"], _count: true });
  const inError = statuses
    .filter((s) => s.status !== "connected")
    .map((s) => `${s.status} ${s._count}`)
    .join(", ");
  console.log(
    `  failed renewals: ${renewFailed}, failed tests: ${testFailed} (Zoom calls slower than their 10 s timeout on a starved machine); connections not connected at the end: ${inError || "none"}`,
  );
  console.log(
    `  simulated ${hours} h in ${((performance.now() - simStarted) / 1000).toFixed(0)} s of wall time`,
  );
  await db.$disconnect();
}

for (const [i, size] of sizes.entries()) await run(size, hoursList[i] ?? hoursList.at(-1) ?? 24);
await emulator.close();
rmSync(dataDir, { recursive: true, force: true });
