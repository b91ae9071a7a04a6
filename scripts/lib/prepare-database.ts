// What every way of starting the app does before it serves: check the
// configuration (generating secrets on first run) and apply the checked-in
// migrations. `npm start` (scripts/start.ts) and the container's entry
// (scripts/container-start.ts) both call it, so they cannot drift apart.
import { ConfigError, getEnv, type AppEnv } from "../../lib/env";
import { migrateDatabase } from "../../lib/db/migrate";

// Network failures, and PostgreSQL's "wrong password", "no such role", "no such database".
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
]);
const REFUSED = new Set(["28P01", "28000", "3D000"]);

/** The sentence printed when the app cannot start; never the DATABASE_URL itself (it holds a password). */
export function startFailureMessage(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  // Node reports a refused connection to a name with two addresses as an AggregateError without a message.
  const reason =
    (error instanceof Error && error.message) || (typeof code === "string" ? code : String(error));
  const hint =
    typeof code === "string" && (UNREACHABLE.has(code) || REFUSED.has(code))
      ? "\nCheck DATABASE_URL: the database server must be running, reachable from here, and accept that user and database."
      : "";
  return `[start] The database could not be prepared: ${reason}${hint}`;
}

export async function prepareDatabase(): Promise<AppEnv> {
  try {
    const env = getEnv();
    const applied = await migrateDatabase(env.databaseUrl);
    console.log(
      applied.length
        ? `[start] database migrated: ${applied.join(", ")}`
        : `[start] ${env.databaseKind} database is up to date`,
    );
    return env;
  } catch (error) {
    // A sentence and an exit, not a stack trace: the person fixes a setting and starts again.
    console.error(`\n${startFailureMessage(error)}\n`);
    process.exit(1);
  }
}
