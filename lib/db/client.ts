import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import type { Client, Config } from "@libsql/client";
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
  n8nTarget: { apiKeyEnc: true },
} as const;

// Several processes (the app, scripts, tests) share one SQLite file: wait for
// a lock instead of failing at once. WAL mode is set by lib/db/migrate.ts.
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Prisma's libSQL adapter begins every transaction DEFERRED: it reads first
 * and asks for the write lock only at its first write. If another process
 * wrote in between, SQLite cannot let the stale reader write and answers
 * SQLITE_BUSY at once, without waiting (the busy timeout does not apply) —
 * seen as a connection that Zoom approved but the app failed to save while
 * the tests' own process wrote to the same file. BEGIN IMMEDIATE takes the
 * write lock when the transaction starts, waiting for it like any write, so
 * transactions of several processes queue instead of failing.
 */
class ImmediateLibSql extends PrismaLibSql {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const begin = client.transaction.bind(client);
    client.transaction = () => begin("write");
    return client;
  }
}

function createSqlite(url: string) {
  return new SqliteClient({
    adapter: new ImmediateLibSql({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }),
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
