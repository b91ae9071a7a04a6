// Zoom renewed, then the database would not take the new set (a busy SQLite,
// a dropped PostgreSQL connection, a failover). Zoom has already killed the
// old refresh token, so the new set is the connection: it is held, served,
// journaled, and written as soon as the database takes it — never dropped.
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { getAccessToken } from "./get-access-token";
import { WRITE_ATTEMPTS } from "./renew-token";
import { journalDir } from "./rotated-set-journal";
import { forgetHeldSetsForTest, replayRotatedSets, storeJournaledSets } from "./rotated-sets";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";
import { until } from "../../../testing/credentials/tokens/until";

const t = setupTokenTest();

/** The same database, but writes of a renewed token set fail while `state.failing`. */
function failingTokenWrites(failures: number) {
  const state = { attempts: 0, failing: true };
  const db = t.db.$extends({
    query: {
      credential: {
        async updateMany({ args, query }) {
          if (args.data && "accessTokenEnc" in args.data && args.data.accessTokenEnc) {
            state.attempts++;
            if (state.failing && state.attempts <= failures)
              throw Object.assign(new Error("Server has closed the connection."), { code: "P1017" });
          }
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { db, state };
}

const journaled = () => (existsSync(journalDir()) ? readdirSync(journalDir()) : []);

describe("storing a renewed token set", () => {
  it("a write that fails a few times is retried, and the renewed set is stored and works", async () => {
    const seeded = await t.seedOAuth();
    const { db, state } = failingTokenWrites(WRITE_ATTEMPTS - 1);
    const token = await getAccessToken(db, seeded.id);
    expect(state.attempts).toBe(WRITE_ATTEMPTS);
    await expect(
      getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 1 });
    expect(journaled()).toEqual([]);
    // The stored refresh token is the renewed one: it renews again.
    await expect(getAccessToken(t.db, seeded.id, { force: true })).resolves.toMatchObject({ version: 2 });
  });

  it("a database away for longer: the set is held and served, written when it is back; nothing is lost", async () => {
    const seeded = await t.seedOAuth();
    const { db, state } = failingTokenWrites(Number.POSITIVE_INFINITY);
    const token = await getAccessToken(db, seeded.id);
    // Served at once, and again from memory while the database still refuses it.
    await expect(getAccessToken(db, seeded.id)).resolves.toMatchObject({ accessToken: token.accessToken });
    await expect(
      getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 0, lastErrorCode: null });
    expect(journaled()).toEqual([`${seeded.id}.json`]);

    state.failing = false;
    await until(async () => (await t.row(seeded.id)).version === 1);
    expect(await t.storedRefreshToken(seeded.id)).not.toBe(seeded.tokens?.refreshToken);
    expect(journaled()).toEqual([]);
    // The stored set is the live one at Zoom: it renews again, no invalid_grant.
    await expect(getAccessToken(t.db, seeded.id, { force: true })).resolves.toMatchObject({ version: 2 });
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected" });
  });

  it("an instance that stops before storing: the next start replays its journal", async () => {
    const seeded = await t.seedOAuth();
    const { db } = failingTokenWrites(Number.POSITIVE_INFINITY);
    const token = await getAccessToken(db, seeded.id);
    // As a crash would: nothing of this process's memory survives, only the journal.
    forgetHeldSetsForTest();
    expect(await t.row(seeded.id)).toMatchObject({ version: 0 });

    expect(replayRotatedSets(t.db)).toBe(1);
    await until(async () => (await t.row(seeded.id)).version === 1);
    await expect(getAccessToken(t.db, seeded.id)).resolves.toMatchObject({ accessToken: token.accessToken });
    expect(journaled()).toEqual([]);
    await expect(getAccessToken(t.db, seeded.id, { force: true })).resolves.toMatchObject({ version: 2 });
  });

  it("a journaled set the connection has moved past (a person reconnected) is let go", async () => {
    const seeded = await t.seedOAuth();
    const { db } = failingTokenWrites(Number.POSITIVE_INFINITY);
    await getAccessToken(db, seeded.id);
    forgetHeldSetsForTest();
    await t.db.credential.update({ where: { id: seeded.id }, data: { version: { increment: 5 } } });
    replayRotatedSets(t.db);
    await until(() => Promise.resolve(journaled().length === 0));
    expect(await t.row(seeded.id)).toMatchObject({ version: 5 });
  });

  it("key rotation stores what waits in the journal, so no set stays sealed under a key about to go", async () => {
    const seeded = await t.seedOAuth();
    const { db, state } = failingTokenWrites(Number.POSITIVE_INFINITY);
    const token = await getAccessToken(db, seeded.id);
    forgetHeldSetsForTest();

    // The database still refuses: the set stays, and keys:rotate says the old keys must stay.
    await expect(storeJournaledSets(db)).resolves.toEqual({ stored: 0, letGo: 0, waiting: 1 });
    expect(journaled()).toEqual([`${seeded.id}.json`]);

    state.failing = false;
    await expect(storeJournaledSets(db)).resolves.toEqual({ stored: 1, letGo: 0, waiting: 0 });
    expect(journaled()).toEqual([]);
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 1 });
    await expect(getAccessToken(t.db, seeded.id)).resolves.toMatchObject({ accessToken: token.accessToken });
  });
});
