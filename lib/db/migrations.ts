import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";

export type Migration = { name: string; sql: string; checksum: string };

/** Where each database's checked-in migrations live (Prisma's folder layout). */
export function migrationsDir(kind: "sqlite" | "postgresql", root = process.cwd()): string {
  return kind === "sqlite"
    ? path.join(root, "prisma/migrations")
    : path.join(root, "prisma/postgres/migrations");
}

/** The migrations in a folder, oldest first; the checksum is Prisma's (SHA-256 of the file). */
export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
