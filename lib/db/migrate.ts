import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { appKeyRing } from "@/lib/crypto";
import type { KeyRing } from "@/lib/crypto/keyring";
import { dataSteps, type MigrationSql, type SqlValue } from "./data-steps";
import { migrationsDir, readMigrations, type Migration } from "./migrations";
import { parsePostgresUrl } from "./postgres-url";

/**
 * Applies the checked-in migrations with the database driver alone: Prisma's
 * migrate command needs a native engine that cannot be downloaded here. The
 * bookkeeping table is Prisma's own `_prisma_migrations`, so `prisma migrate`
 * on a machine with internet sees the same history.
 */
export type MigrateOptions = {
  root?: string;
  /** The keys for data steps that move secrets (default: the configured ENCRYPTION_KEY). */
  keyRing?: () => KeyRing;
  /** Stop after this migration (tests build a database as an older release left it). */
  upTo?: string;
};

export async function migrateDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const root = options.root ?? process.cwd();
  const keyRing = options.keyRing ?? appKeyRing;
  const upTo = (migrations: Migration[]) =>
    options.upTo ? migrations.filter((m) => m.name <= options.upTo!) : migrations;
  if (databaseUrl.startsWith("file:"))
    return migrateSqlite(databaseUrl, upTo(readMigrations(migrationsDir("sqlite", root))), keyRing);
  return migratePostgres(databaseUrl, upTo(readMigrations(migrationsDir("postgresql", root))), keyRing);
}

class MigrationError extends Error {
  override name = "MigrationError";
}

// Both databases read their history the same way; Prisma marks a finished, kept migration like this.
const APPLIED_MIGRATIONS = `SELECT migration_name, checksum FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

function assertUnchanged(applied: Map<string, string>, migrations: Migration[]) {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied. ` +
          "Restore the original file and add a new migration instead.",
      );
    }
  }
}

async function migrateSqlite(
  databaseUrl: string,
  migrations: Migration[],
  keyRing: () => KeyRing,
): Promise<string[]> {
  const file = databaseUrl.slice("file:".length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = createClient({ url: databaseUrl, timeout: 10_000 });
  try {
    // WAL lets readers and one writer work side by side; the setting sticks to the file.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const rows = await client.execute(APPLIED_MIGRATIONS);
    const applied = new Map(rows.rows.map((row) => [row.migration_name as string, row.checksum as string]));
    assertUnchanged(applied, migrations);
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      // One transaction per migration: a failed migration leaves no half-made tables.
      const tx = await client.transaction("write");
      try {
        await tx.executeMultiple(migration.sql);
        const sql: MigrationSql = {
          rows: async (text, args = []) => (await tx.execute({ sql: text, args })).rows,
          run: async (text, args = []) => void (await tx.execute({ sql: text, args })),
        };
        await dataSteps[migration.name]?.(sql, keyRing);
        await tx.execute({
          sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
                VALUES (?, ?, current_timestamp, ?, 1)`,
          args: [randomUUID(), migration.checksum, migration.name],
        });
        await tx.commit();
      } catch (error) {
        await tx.rollback();
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    client.close();
  }
}

// The same advisory lock key Prisma's migrate uses, so the two never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

/** `?` placeholders as PostgreSQL's `$1, $2 …` (data steps write no `?` inside literals). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

async function migratePostgres(
  databaseUrl: string,
  migrations: Migration[],
  keyRing: () => KeyRing,
): Promise<string[]> {
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const rows = await client.query<{ migration_name: string; checksum: string }>(APPLIED_MIGRATIONS);
    const applied = new Map(rows.rows.map((row) => [row.migration_name, row.checksum]));
    assertUnchanged(applied, migrations);
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      try {
        await client.query("BEGIN");
        // Prisma's generated SQL creates "public"; keep every table in our schema.
        await client.query(migration.sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ""));
        const sql: MigrationSql = {
          rows: async (text, args: SqlValue[] = []) =>
            (await client.query<Record<string, unknown>>(numbered(text), args)).rows,
          run: async (text, args: SqlValue[] = []) => void (await client.query(numbered(text), args)),
        };
        await dataSteps[migration.name]?.(sql, keyRing);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`).catch(() => undefined);
    await client.end();
  }
}
