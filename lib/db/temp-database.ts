import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import { parsePostgresUrl } from "./postgres-url";

/**
 * A migrated, throw-away database for unit tests of lib/ functions: a SQLite
 * file by default, or a schema of its own on the PostgreSQL server named by
 * DATABASE_URL (CI runs the suite on both).
 */
export async function createTempDatabase(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl && !serverUrl.startsWith("file:")) {
    const schema = `zcw_unit_${randomBytes(5).toString("hex")}`;
    const { connectionString } = parsePostgresUrl(serverUrl);
    const url = new URL(connectionString);
    url.searchParams.set("schema", schema);
    await migrateDatabase(url.toString());
    const db = createDb(url.toString());
    return {
      db,
      url: url.toString(),
      cleanup: async () => {
        await db.$disconnect();
        const client = new pg.Client({ connectionString });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
    };
  }
  return createTempSqliteDatabase();
}

/** The same, always a SQLite file: for what only SQLite does (its locks, its query plans). */
export async function createTempSqliteDatabase(): Promise<{
  db: Db;
  url: string;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), "zcw-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
