// Drives Prisma's own schema engine compiled to WebAssembly (published as
// @prisma/schema-engine-wasm) through a driver adapter. Used only to WRITE new
// migrations; applying them needs no engine (lib/db/migrate.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

let loaded = false;

async function loadWasm() {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

/**
 * SQL that takes a database shaped by `previous` (the schema as of the last
 * migration, or nothing) to the schema file. A datamodel-to-datamodel diff
 * needs no database, so it works offline for SQLite and PostgreSQL alike.
 */
export async function diffSchemas(options: {
  previous: string | null;
  schemaPath: string;
  adapter: SqlMigrationAwareDriverAdapterFactory;
}): Promise<string> {
  await loadWasm();
  const content = readFileSync(options.schemaPath, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[options.schemaPath, content]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(options.adapter),
  );
  const result = await engine.diff({
    from:
      options.previous === null
        ? { tag: "empty" }
        : { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content: options.previous }] },
    to: { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
