/**
 * Prisma's `?schema=` parameter is not a libpq option: take it out of the URL
 * and hand it to the adapter separately.
 */
export function parsePostgresUrl(databaseUrl: string): { connectionString: string; schema: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`The schema "${schema}" in DATABASE_URL is not a plain identifier.`);
  }
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}
