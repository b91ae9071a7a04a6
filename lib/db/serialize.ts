import type { Db } from "./client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Makes transactions that check-then-write the same thing ("is anyone set
 * up?", "is another owner left?") run one after another. PostgreSQL's default
 * isolation lets two such transactions both see the old state and both
 * write; a transaction-scoped advisory lock on the key queues them. SQLite
 * needs nothing: every transaction takes the write lock when it begins
 * (lib/db/client.ts), so they already run one after another.
 */
export async function serializeOn(tx: Tx, key: string): Promise<void> {
  const provider = (tx as unknown as { _activeProvider?: string })._activeProvider;
  if (provider !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
