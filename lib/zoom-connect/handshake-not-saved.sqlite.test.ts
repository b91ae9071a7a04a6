import { expect, test } from "vitest";
import { startSqliteProcess } from "@/testing/db/sqlite-process";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import { USER } from "@/testing/zoom-emulator/fixture";
import type { HandshakeOutcome } from "./zoom-auth-options";

// SQLite only (npm test leaves *.sqlite.test.ts out of its PostgreSQL pass): another
// process holds the database's write lock longer than the app waits for it (10 s).
const t = setupTokenTest();

const LOCK_HOLDER = `
import { createClient } from "@libsql/client";
const client = createClient({ url: process.argv[1] });
const tx = await client.transaction("write");
console.log("locked");
process.stdin.once("data", async () => { await tx.rollback(); process.exit(0); });`;

test("Zoom said yes but the database would not take the connection: the handshake is marked not saved and fails", async () => {
  const { id, workspaceId } = await t.seedOAuth();
  const { ownerId } = await t.db.credential.findUniqueOrThrow({ where: { id }, select: { ownerId: true } });
  await t.db.membership.create({ data: { workspaceId, userId: ownerId, role: "owner" } });
  const before = await t.row(id);
  (globalThis as unknown as { zcwDb?: unknown }).zcwDb = t.db;
  const { zoomAuthOptions } = await import("./zoom-auth-options");

  const outcome: HandshakeOutcome = { error: null };
  const session = { credentialId: id, workspaceId, userId: ownerId, slug: "tokens", userName: "Owner" };
  const options = await zoomAuthOptions(session, outcome);
  const signIn = options?.callbacks?.signIn;
  if (!signIn) throw new Error("the handshake's options have no signIn callback");

  const holder = startSqliteProcess(LOCK_HOLDER, t.url);
  expect(await holder.next()).toBe("locked");
  try {
    const account = {
      provider: "zoom",
      type: "oauth" as const,
      providerAccountId: USER.id,
      access_token: "new-access-token",
      refresh_token: "new-refresh-token",
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      scope: "user:read:user",
    };
    const profile = { id: USER.id, email: USER.email, first_name: "Pat", last_name: "Person" };
    await expect(signIn({ account, profile, user: { id: USER.id, email: USER.email } })).rejects.toThrow();
  } finally {
    holder.send("release");
  }
  await holder.closed;
  expect(outcome.notSaved).toBe(true);
  // Nothing half-written: the credential still holds what it held.
  expect(await t.row(id)).toEqual(before);
}, 30_000);
