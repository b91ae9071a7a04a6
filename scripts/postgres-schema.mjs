// The PostgreSQL schema is the SQLite schema with another datasource and
// client output folder. Kept in its own module so the drift test can use it.
/** @param {string} sqliteSchema @returns {string} */
export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(
      /^\/\/ The one source of truth[\s\S]*?\n\n/m,
      "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — do not edit.\n\n",
    );
  if (!out.includes('provider = "postgresql"') || !out.includes("lib/generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the datasource or output lines this script rewrites");
  }
  return out;
}
