// npx tsx scripts/bench-zoom-user-lookup.ts [rows…]   (default: 10000 100000)
// Zoom keeps one authorization per user and app across the whole install, so
// connecting (store-oauth-connection.ts), disconnecting (revoke-impact.ts) and
// Zoom's deauthorization events look a Zoom user up in every workspace. This
// times that lookup on a SQLite file with N connections, with the
// Credential(zoomUserId) index and, in the same run, without it.
import type { Db } from "../lib/db/client";
import { createTempSqliteDatabase } from "../lib/db/temp-database";
import { sameClientIdWhere } from "../lib/zoom-apps/find-zoom-app";

const LOOKUPS = 400;
// Many workspaces, as in a large install: with few, SQLite can skip-scan the
// (workspaceId, zoomUserId) index and hide what a lookup across them costs.
const WORKSPACES = 500;
const sizes = process.argv.slice(2).map(Number).filter(Boolean);

async function seed(db: Db, rows: number): Promise<void> {
  const user = await db.user.create({
    data: { email: "bench@example.com", name: "Bench", passwordHash: "x" },
  });
  const workspaces = await Promise.all(
    Array.from({ length: WORKSPACES }, (_, n) =>
      db.workspace.create({ data: { name: `W${n}`, slug: `w-${n}` } }),
    ),
  );
  const workspaceIds = workspaces.map((workspace) => workspace.id);
  const workspaceOf = (n: number) => workspaceIds[n % workspaceIds.length] ?? "";
  const app = await db.zoomApp.create({
    data: {
      workspaceId: workspaceOf(0),
      createdById: user.id,
      name: "Shared app",
      kind: "oauth",
      developmentClientId: "bench-client",
    },
  });
  for (let start = 0; start < rows; start += 5000) {
    await db.credential.createMany({
      data: Array.from({ length: Math.min(5000, rows - start) }, (_, i) => {
        const n = start + i;
        return {
          workspaceId: workspaceOf(n),
          ownerId: user.id,
          zoomAppId: app.id,
          name: `c${n}`,
          method: "oauth",
          status: n % 10 === 0 ? "needs_reconnect" : "connected",
          zoomUserId: `zoom-user-${n}`,
        };
      }),
    });
  }
}

async function lookupsPerSecond(db: Db, rows: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < LOOKUPS; i++) {
    await db.credential.findMany({
      where: {
        zoomApp: sameClientIdWhere("bench-client"),
        zoomUserId: `zoom-user-${(i * 7919) % rows}`,
        status: { in: ["connected", "expiring_soon", "error"] },
      },
      select: { id: true, name: true, workspaceId: true },
    });
  }
  return LOOKUPS / ((performance.now() - started) / 1000);
}

for (const rows of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const { db, cleanup } = await createTempSqliteDatabase();
  try {
    await seed(db, rows);
    await db.$executeRawUnsafe("ANALYZE");
    await lookupsPerSecond(db, rows); // warm the page cache and the query plans
    const withIndex = await lookupsPerSecond(db, rows);
    await db.$executeRawUnsafe('DROP INDEX "Credential_zoomUserId_idx"');
    const without = await lookupsPerSecond(db, rows);
    console.log(
      `${rows} connections: ${withIndex.toFixed(0)} lookups/s with the zoomUserId index, ` +
        `${without.toFixed(0)} without (${(withIndex / without).toFixed(1)}×)`,
    );
  } finally {
    await cleanup();
  }
}
