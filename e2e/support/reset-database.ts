import { rmSync } from "node:fs";
import pg from "pg";
import { parsePostgresUrl } from "../../lib/db/postgres-url";

/** Starts every run from an empty database (the first-run test needs one). */
export async function resetDatabase(databaseUrl: string, dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl.startsWith("file:")) return;
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  if (schema === "public")
    throw new Error("Give the end-to-end run its own schema: add ?schema=zcw_e2e to DATABASE_URL.");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
