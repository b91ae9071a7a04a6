import type { KeyRing } from "@/lib/crypto/keyring";
import { moveClientSecrets } from "./move-client-secrets";

export type SqlValue = string | number | null;

/** The open migration transaction, for either database: `?` placeholders. */
export type MigrationSql = {
  rows(sql: string, args?: SqlValue[]): Promise<Record<string, unknown>[]>;
  run(sql: string, args?: SqlValue[]): Promise<void>;
};

/** The keys, asked for only when a step has secrets to move (a fresh database has none). */
export type DataStep = (sql: MigrationSql, keyRing: () => KeyRing) => Promise<void>;

/**
 * Work a migration needs that SQL cannot do, run by lib/db/migrate.ts right
 * after that migration's SQL and inside its transaction: either both happen,
 * or neither. Keyed by the migration's folder name. (Only our runner runs
 * these: `prisma migrate deploy` would leave the moved secrets unreadable,
 * which the start-up check then reports instead of starting.)
 */
export const dataSteps: Record<string, DataStep> = {
  "20261201232442_zoom_apps": moveClientSecrets,
};
