import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "./client";
import { migrateDatabase } from "./migrate";

// SQLite only, whatever DATABASE_URL says (npm test leaves *.sqlite.test.ts out
// of its PostgreSQL pass): PostgreSQL has no such failure.

// Another process on the same SQLite file: the tests' own writes beside the
// app, or a script. A plain libSQL client, as lean as the app's own.
const OTHER_PROCESS = `
import { createClient } from "@libsql/client";
const client = createClient({ url: process.argv[1], timeout: 10000 });
console.log("ready");
process.stdin.once("data", async () => {
  await client.execute("UPDATE Workspace SET name = 'Two, renamed' WHERE slug = 'two'");
  console.log("wrote");
  process.exit(0);
});`;

const dir = mkdtempSync(path.join(tmpdir(), "zcw-sqlite-"));
const url = `file:${path.join(dir, "test.db")}`;
let db: Db;

beforeAll(async () => {
  await migrateDatabase(url);
  db = createDb(url);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

test("a transaction that read before another process wrote still writes: the two queue instead of failing", async () => {
  await db.workspace.createMany({
    data: [
      { slug: "one", name: "One" },
      { slug: "two", name: "Two" },
    ],
  });
  const other = spawn(process.execPath, ["--input-type=module", "-e", OTHER_PROCESS, url], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const closed = once(other, "close");
  const lines = createInterface({ input: other.stdout })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe("ready");

  const renamed = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { slug: "one" } });
    // The other process writes while this transaction holds its read. Begun
    // DEFERRED, this transaction's write below fails at once with SQLITE_BUSY.
    other.stdin.write("go\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    return tx.workspace.update({ where: { id: workspace.id }, data: { name: `${workspace.name}, renamed` } });
  });
  expect((await lines.next()).value).toBe("wrote");
  await closed;

  expect(renamed.name).toBe("One, renamed");
  const names = (await db.workspace.findMany({ orderBy: { slug: "asc" } })).map((w) => w.name);
  expect(names).toEqual(["One, renamed", "Two, renamed"]);
});
