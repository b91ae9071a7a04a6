import { afterAll, beforeAll, expect, test } from "vitest";
import { createTempSqliteDatabase } from "./temp-database";
import { startSqliteProcess } from "../../testing/db/sqlite-process";

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

let temp: Awaited<ReturnType<typeof createTempSqliteDatabase>>;

beforeAll(async () => {
  temp = await createTempSqliteDatabase();
});
afterAll(() => temp.cleanup());

test("a transaction that read before another process wrote still writes: the two queue instead of failing", async () => {
  const { db, url } = temp;
  await db.workspace.createMany({
    data: [
      { slug: "one", name: "One" },
      { slug: "two", name: "Two" },
    ],
  });
  const other = startSqliteProcess(OTHER_PROCESS, url);
  expect(await other.next()).toBe("ready");

  const renamed = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { slug: "one" } });
    // The other process writes while this transaction holds its read. Begun
    // DEFERRED, this transaction's write below fails at once with SQLITE_BUSY.
    other.send("go");
    await new Promise((resolve) => setTimeout(resolve, 300));
    return tx.workspace.update({ where: { id: workspace.id }, data: { name: `${workspace.name}, renamed` } });
  });
  expect(await other.next()).toBe("wrote");
  await other.closed;

  expect(renamed.name).toBe("One, renamed");
  const names = (await db.workspace.findMany({ orderBy: { slug: "asc" } })).map((w) => w.name);
  expect(names).toEqual(["One, renamed", "Two, renamed"]);
});
