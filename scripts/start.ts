// npm start — one command from a fresh clone to a running app:
// configuration (secrets generated on first run), database migrations,
// a production build when the sources are newer than the last one, then the
// app's server (scripts/app-server.mjs: Next.js behind a plain Node server,
// which knows each request's socket address) on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-state";
import { prepareDatabase } from "./lib/prepare-database";

// No telemetry calls from an offline, self-hosted install.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

const env = await prepareDatabase();
if (process.env.SKIP_BUILD !== "1" && buildIsStale()) {
  console.log("[start] building the app (about a minute the first time)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
console.log(`[start] open ${env.appUrl}`);
const server = spawn(process.execPath, ["scripts/app-server.mjs"], {
  stdio: "inherit",
  env: { ...process.env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
