import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { parsePostgresUrl } from "@/lib/db/postgres-url";
import { findInvite } from "./find-invite";
import { hashInviteToken } from "./invite-token";

// Invites made before they named an address could be used by anyone holding
// the link, under any address: the migration that adds `email` withdraws the
// open ones, and leaves used and already withdrawn ones as they were.
const PREVIOUS = "20261202171627_zoom_user_index";
const MIGRATION = "20261206021131_invite_email";
const PG_SERVER = process.env.MIGRATION_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

type Target = {
  url: string;
  exec: (sql: string, args: string[]) => Promise<void>;
  cleanup: () => Promise<void>;
};

function sqliteTarget(): Target {
  const dir = mkdtempSync(path.join(tmpdir(), "zcw-invite-migration-"));
  const url = `file:${path.join(dir, "old.db")}`;
  return {
    url,
    exec: async (sql, args) => {
      const client = createClient({ url });
      await client.execute({ sql, args });
      client.close();
    },
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function postgresTarget(): Target {
  const schema = `zcw_migration_${randomBytes(5).toString("hex")}`;
  const server = new URL(PG_SERVER);
  server.searchParams.set("schema", schema);
  const { connectionString } = parsePostgresUrl(server.toString());
  const withClient = async (run: (client: pg.Client) => Promise<unknown>) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await run(client);
    } finally {
      await client.end();
    }
  };
  return {
    url: server.toString(),
    exec: (sql, args) =>
      withClient(async (client) => {
        await client.query(`SET search_path TO "${schema}"`);
        let n = 0;
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          args,
        );
      }),
    cleanup: () => withClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
  };
}

const targets: [string, () => Target][] = [
  ["SQLite", sqliteTarget],
  ["PostgreSQL", postgresTarget],
];

describe.each(targets)("the invite email migration on %s", (_name, makeTarget) => {
  const made: Target[] = [];
  afterAll(async () => {
    for (const t of made) await t.cleanup();
  });

  it("withdraws open invites that name no address; used and withdrawn ones keep their history", async () => {
    const t = makeTarget();
    made.push(t);
    await migrateDatabase(t.url, { upTo: PREVIOUS });
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    await t.exec(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES (?, ?, ?, ?)`, [
      "user-1",
      "owner@example.com",
      "Olga Owner",
      "x",
    ]);
    await t.exec(`INSERT INTO "Workspace" ("id", "slug", "name") VALUES (?, ?, ?)`, ["ws-1", "ws-1", "W"]);
    const invite = (id: string, columns: string, values: string[]) =>
      t.exec(
        `INSERT INTO "Invite" ("id", "workspaceId", "role", "tokenHash", "createdById", "expiresAt"${columns})
         VALUES (?, 'ws-1', 'member', ?, 'user-1', ?${values.map(() => ", ?").join("")})`,
        [id, hashInviteToken(`token-of-${id}-0123456789`), at(86_400_000), ...values],
      );
    const withdrawnBefore = at(-3_600_000);
    await invite("open", "", []);
    await invite("accepted", `, "acceptedAt", "acceptedById"`, [at(-60_000), "user-1"]);
    await invite("withdrawn", `, "revokedAt"`, [withdrawnBefore]);

    expect(await migrateDatabase(t.url)).toContain(MIGRATION);
    const db = createDb(t.url);
    try {
      const rows = await db.invite.findMany({ orderBy: { id: "asc" } });
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(byId.open!.revokedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(byId.open!.revokedAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(byId.accepted).toMatchObject({ revokedAt: null, acceptedById: "user-1", email: null });
      expect(byId.withdrawn!.revokedAt!.toISOString()).toBe(withdrawnBefore);
      expect(await findInvite(db, "token-of-open-0123456789")).toEqual({ state: "revoked" });
      expect(await findInvite(db, "token-of-accepted-0123456789")).toEqual({ state: "used" });
    } finally {
      await db.$disconnect();
    }
  });
});
