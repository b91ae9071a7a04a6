// npm start — one command from a fresh clone to a running app:
// configuration (secrets generated on first run), database migrations,
// a production build when the sources are newer than the last one, then
// `next start` on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, getEnv } from "../lib/env";
import { migrateDatabase } from "../lib/db/migrate";

const SOURCES = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package.json",
  "postcss.config.mjs",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry))
    if (child !== "generated") newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

// No telemetry calls from an offline, self-hosted install.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

try {
  const env = getEnv();
  const applied = await migrateDatabase(env.databaseUrl);
  console.log(
    applied.length
      ? `[start] database migrated: ${applied.join(", ")}`
      : `[start] ${env.databaseKind} database is up to date`,
  );
  if (process.env.SKIP_BUILD !== "1" && buildIsStale()) {
    console.log("[start] building the app (about a minute the first time)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = process.env.PORT ?? "3000";
  console.log(`[start] open ${env.appUrl}`);
  const server = spawn(
    process.execPath,
    [nextBin, "start", "-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])],
    { stdio: "inherit", env: process.env },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
