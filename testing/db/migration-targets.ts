import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { parsePostgresUrl } from "../../lib/db/postgres-url";

// For the tests of a migration: a database of each engine, brought to an older migration and filled
// with old rows in plain SQL (`?` placeholders on both), before the migration under test runs.

const PG_SERVER = process.env.MIGRATION_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type MigrationTarget = {
  url: string;
  exec: (sql: string, args: (string | null)[]) => Promise<void>;
  cleanup: () => Promise<void>;
};

export function sqliteTarget(): MigrationTarget {
  const dir = mkdtempSync(path.join(tmpdir(), "zcw-migration-"));
  const url = `file:${path.join(dir, "old.db")}`;
  return {
    url,
    exec: async (sql, args) => {
      const client = createClient({ url });
      await client.execute({ sql, args });
      client.close();
    },
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A schema of its own on the local PostgreSQL server, dropped by `cleanup`. */
export function postgresTarget(): MigrationTarget {
  const schema = `zcw_migration_${randomBytes(5).toString("hex")}`;
  const server = new URL(PG_SERVER);
  server.searchParams.set("schema", schema);
  const { connectionString } = parsePostgresUrl(server.toString());
  const withClient = async (run: (client: pg.Client) => Promise<unknown>) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await run(client);
    } finally {
      await client.end();
    }
  };
  return {
    url: server.toString(),
    exec: (sql, args) =>
      withClient(async (client) => {
        await client.query(`SET search_path TO "${schema}"`);
        let n = 0;
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          args,
        );
      }),
    cleanup: () => withClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
  };
}
