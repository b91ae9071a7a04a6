import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/postgres-schema.mjs";
import { migrationsDir, readMigrations } from "./migrations";

describe("database schemas", () => {
  it("keeps the PostgreSQL schema derived from the SQLite one", () => {
    const derived = derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8"));
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(derived);
  });

  it("has the same migrations for both databases, each with the schema it produced", () => {
    const sqlite = readMigrations(migrationsDir("sqlite")).map((m) => m.name);
    const postgres = readMigrations(migrationsDir("postgresql")).map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
    const last = sqlite.at(-1)!;
    expect(readFileSync(`prisma/migrations/${last}/schema.snapshot.prisma`, "utf8")).toBe(
      readFileSync("prisma/schema.prisma", "utf8"),
    );
  });
});
