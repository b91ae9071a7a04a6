import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { parsePostgresUrl } from "./postgres-url";

// Hash and ciphertext columns stay out of every query result unless a caller
// asks for them by name (style.md: Prisma's global omit).
const omit = {
  user: { passwordHash: true },
  credential: { accessTokenEnc: true, refreshTokenEnc: true },
  zoomApp: { developmentClientSecretEnc: true, productionClientSecretEnc: true, eventSecretTokenEnc: true },
  apiKey: { keyHash: true },
  webhookEndpoint: { secretEnc: true },
} as const;

// Several processes (the app, scripts, tests) share one SQLite file: wait for
// a lock instead of failing at once. WAL mode is set by lib/db/migrate.ts.
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

function createSqlite(url: string) {
  return new SqliteClient({
    adapter: new PrismaLibSql({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    omit,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

export type Db = ReturnType<typeof createSqlite>;

/**
 * Raw SQL (the lease, on the database's clock) differs per database. Read
 * from the client itself, so extended clients ($extends) answer the same.
 */
export const isPostgres = (db: Db): boolean =>
  (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) return createSqlite(databaseUrl);
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  const client = new PostgresClient({
    // search_path too, so raw SQL finds the tables of the schema the adapter uses.
    adapter: new PrismaPg({ connectionString, options: `-c search_path="${schema}"` }, { schema }),
    omit,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  // Both clients are generated from the same model (prisma/schema.prisma);
  // the SQLite client's type is the common subset the app is written against.
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { zcwDb?: Db };

/** The app's one database client (kept across hot reloads in development). */
export function db(): Db {
  globalForDb.zcwDb ??= createDb(getEnv().databaseUrl);
  return globalForDb.zcwDb;
}
