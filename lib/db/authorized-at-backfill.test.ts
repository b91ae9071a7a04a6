import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { isPostgres } from "./client";
import { createTempDatabase } from "./temp-database";

// The migration that added Credential.authorizedAt fills it for connections
// made before it, from the audit log: the time of their last handshake. Its
// UPDATE is run again here on rows written after the migration (it is idempotent).
const MIGRATION = "20261206014159_zoom_event_receipts_authorized_at";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(() => temp.cleanup());

test("connections made before authorizedAt existed get their last handshake's time, or none", async () => {
  const { db } = temp;
  const user = await db.user.create({ data: { email: "b@example.com", name: "B", passwordHash: "x" } });
  const workspace = await db.workspace.create({ data: { name: "W", slug: "w-backfill" } });
  const credential = (name: string, method = "oauth") =>
    db.credential.create({
      data: { workspaceId: workspace.id, ownerId: user.id, name, method, status: "connected" },
    });
  const [reconnected, unlogged, legacy] = [
    await credential("reconnected"),
    await credential("unlogged"),
    await credential("legacy", "access_token"),
  ];
  const log = (credentialId: string, action: string, at: string) =>
    db.auditEvent.create({
      data: { workspaceId: workspace.id, action, actorLabel: "x", credentialId, createdAt: new Date(at) },
    });
  await log(reconnected.id, "credential.connected", "2026-01-01T10:00:00Z");
  await log(reconnected.id, "credential.reconnected", "2026-02-01T10:00:00Z");
  await log(reconnected.id, "credential.tested", "2026-03-01T10:00:00Z");
  await log(legacy.id, "credential.connected", "2026-01-01T10:00:00Z");

  const folder = isPostgres(db) ? "prisma/postgres/migrations" : "prisma/migrations";
  const sql = readFileSync(`${folder}/${MIGRATION}/migration.sql`, "utf8");
  await db.$executeRawUnsafe(sql.slice(sql.indexOf("UPDATE")));

  const authorizedAt = async (id: string) =>
    (await db.credential.findUniqueOrThrow({ where: { id }, select: { authorizedAt: true } })).authorizedAt;
  expect(await authorizedAt(reconnected.id)).toEqual(new Date("2026-02-01T10:00:00Z"));
  expect(await authorizedAt(unlogged.id)).toBeNull();
  expect(await authorizedAt(legacy.id)).toBeNull();
});
