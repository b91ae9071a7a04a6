// Prisma 7 reads its settings from here. DATABASE_URL is optional: the app
// defaults to the embedded SQLite file (see lib/env.ts), and `prisma generate`
// needs no database at all.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./data/app.db",
  },
});
