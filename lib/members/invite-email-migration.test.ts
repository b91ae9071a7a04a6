import { afterAll, describe, expect, it } from "vitest";
import { postgresTarget, sqliteTarget, type MigrationTarget } from "@/testing/db/migration-targets";
import { createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { findInvite } from "./find-invite";
import { hashInviteToken } from "./invite-token";

// Invites made before they named an address could be used by anyone holding
// the link, under any address: the migration that adds `email` withdraws the
// open ones, and leaves used and already withdrawn ones as they were.
const PREVIOUS = "20261202171627_zoom_user_index";
const MIGRATION = "20261206021131_invite_email";

const targets: [string, () => MigrationTarget][] = [
  ["SQLite", sqliteTarget],
  ["PostgreSQL", postgresTarget],
];

describe.each(targets)("the invite email migration on %s", (_name, makeTarget) => {
  const made: MigrationTarget[] = [];
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
