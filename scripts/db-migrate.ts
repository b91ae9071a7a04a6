// npm run db:migrate — brings the configured database (SQLite by default,
// PostgreSQL when DATABASE_URL says so) up to the checked-in migrations.
import { getEnv } from "../lib/env";
import { migrateDatabase } from "../lib/db/migrate";

const env = getEnv();
const applied = await migrateDatabase(env.databaseUrl);
console.log(
  applied.length ? `[db] applied ${applied.join(", ")}` : `[db] ${env.databaseKind} database is up to date`,
);
