// Runs on `npm install`. Prisma 7's CLI tries to download a native schema
// engine before every command; `generate` does not need it, so we point it at
// a harmless executable (stack-notes.md). Two clients are generated: SQLite
// (the default) and PostgreSQL (for several app instances); the PostgreSQL
// schema is derived from prisma/schema.prisma so the model is written once.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { derivePostgresSchema } from "./postgres-schema.mjs";

const main = readFileSync("prisma/schema.prisma", "utf8");
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", derivePostgresSchema(main));

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema], {
    stdio: "inherit",
    env,
  });
}
