// npm test — every test of the project in one command, from a fresh clone:
//   lint · typecheck · Vitest on SQLite · Vitest's database tests on PostgreSQL
//   · one production build · every Playwright spec on SQLite · the specs that
//   depend on the database engine (playwright.config.ts: POSTGRES_SPECS and
//   @postgres) on PostgreSQL, with the same build.
// PostgreSQL is DATABASE_URL's server when it names one, else 127.0.0.1:5432/test;
// each pass gets a fresh schema, dropped afterwards. Without a PostgreSQL the
// PostgreSQL passes are skipped with one line saying so — except in CI (CI set),
// where that is a failure.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { parsePostgresUrl } from "../lib/db/postgres-url";
import { buildIsStale } from "./build-state";

const inCi = Boolean(process.env.CI) && !["0", "false"].includes(process.env.CI!.toLowerCase());
const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
// Vitest files that open a database (directly or through a child process): the ones worth a second engine.
const DATABASE_TEST = /temp-database|\/testing\/|createDb\(|DATABASE_URL/;

const say = (line: string) => console.log(`\n[test] ${line}`);
const seconds = (ms: number) =>
  ms < 60_000
    ? `${Math.round(ms / 1000)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

const results: { name: string; ms: number; outcome: string }[] = [];

/** Runs one command with the terminal's output; true when it passed. */
async function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  say(`${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", () => resolve(127));
    child.on("close", resolve);
  });
  results.push({ name, ms: Date.now() - started, outcome: code === 0 ? "passed" : `FAILED (exit ${code})` });
  return code === 0;
}

/** A step whose failure ends npm test at once. */
async function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  if (!(await run(name, command, args, env))) finish(1);
}

function finish(code: number): never {
  say("summary");
  for (const r of results) console.log(`  ${r.name.padEnd(44)} ${seconds(r.ms).padStart(12)}  ${r.outcome}`);
  const total = results.reduce((sum, r) => sum + r.ms, 0);
  console.log(
    `\n[test] ${code === 0 ? "everything passed" : "stopped at the first failure"} in ${seconds(total)}`,
  );
  process.exit(code);
}

function testFiles(dir: string): string[] {
  const skip = new Set(["node_modules", ".next", ".git", ".e2e-data", ".bench-data", "data", "generated"]);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The PostgreSQL server to use, or why there is none. */
async function findPostgres(): Promise<{ url: string; schemaPrefix: string } | { missing: string }> {
  const configured = process.env.DATABASE_URL;
  const url = configured && /^postgres(ql)?:\/\//.test(configured) ? configured : DEFAULT_POSTGRES;
  const { connectionString, schema } = parsePostgresUrl(url);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    // A schema named in DATABASE_URL is the prefix of the run's own: zcw_suite → zcw_suite_1a2b3c4d.
    return { url: connectionString, schemaPrefix: schema === "public" ? "zcw_test" : schema };
  } catch (error) {
    const host = new URL(connectionString).host;
    return {
      missing: `nothing answers at ${host} (${error instanceof Error ? error.message : "no answer"})`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchema(serverUrl: string, schema: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } catch (error) {
    console.warn(
      `[test] could not drop schema ${schema}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sqlite: NodeJS.ProcessEnv = { ...process.env };
delete sqlite.DATABASE_URL; // the SQLite passes use files of their own
delete sqlite.E2E_PASS;

await step("lint", "npm", ["run", "--silent", "lint"]);
await step("typecheck", "npm", ["run", "--silent", "typecheck"]);
await step("Vitest, SQLite", "npx", ["vitest", "run"], sqlite);

const postgres = await findPostgres();
if ("missing" in postgres) {
  const line = `PostgreSQL passes NOT run: ${postgres.missing}. Start PostgreSQL or set DATABASE_URL=postgresql://…`;
  if (inCi) {
    console.error(`\n[test] ${line} — required in CI.`);
    finish(1);
  }
  say(line);
} else {
  const databaseFiles = testFiles(".").filter(
    (file) => !file.endsWith(".sqlite.test.ts") && DATABASE_TEST.test(readFileSync(file, "utf8")),
  );
  // Every file makes (and drops) a schema of its own on this server: lib/db/temp-database.ts.
  await step(
    `Vitest, PostgreSQL (${databaseFiles.length} database files)`,
    "npx",
    ["vitest", "run", ...databaseFiles],
    {
      ...process.env,
      DATABASE_URL: postgres.url,
    },
  );
}

if (buildIsStale()) await step("build", "npx", ["next", "build"]);
else say("build: .next is newer than every source, kept");
// Built just above: the test server must not build again. No traces: they cost every test CPU
// and a failure's words are in this output (rerun one spec with `npx playwright test` for its trace).
const e2e = { SKIP_BUILD: "1", E2E_TRACE: "off" };

await step("Playwright, SQLite (every spec)", "npx", ["playwright", "test"], { ...sqlite, ...e2e });

if (!("missing" in postgres)) {
  const schema = `${postgres.schemaPrefix}_${randomBytes(4).toString("hex")}`;
  const url = new URL(postgres.url);
  url.searchParams.set("schema", schema);
  const passed = await run("Playwright, PostgreSQL (database-engine specs)", "npx", ["playwright", "test"], {
    ...process.env,
    ...e2e,
    DATABASE_URL: url.toString(),
    E2E_PASS: "postgres",
  });
  await dropSchema(postgres.url, schema);
  if (!passed) finish(1);
}
finish(0);
