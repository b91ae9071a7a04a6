// Zoom renewed, then the database would not take the new set (a busy SQLite,
// a dropped PostgreSQL connection). Zoom has already killed the old refresh
// token, so the write is retried, and if it is lost for good the credential
// says so in words.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { getAccessToken } from "./get-access-token";
import { LOST_WRITE_MESSAGE, WRITE_ATTEMPTS } from "./renew-token";
import { TokenUnavailableError } from "./token-errors";
import { setupTokenTest } from "./testing/token-fixture";

const t = setupTokenTest();

/** The same database, but the write of a renewed token set fails `failures` times first. */
function failingTokenWrites(failures: number) {
  const state = { attempts: 0 };
  const db = t.db.$extends({
    query: {
      credential: {
        async updateMany({ args, query }) {
          if (args.data && "accessTokenEnc" in args.data && args.data.accessTokenEnc) {
            state.attempts++;
            if (state.attempts <= failures)
              throw Object.assign(new Error("Server has closed the connection."), { code: "P1017" });
          }
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { db, state };
}

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
    // The stored refresh token is the renewed one: it renews again.
    await expect(getAccessToken(t.db, seeded.id, { force: true })).resolves.toMatchObject({ version: 2 });
  });

  it("a write lost for good: the credential says Zoom renewed but the app could not store it, reconnect", async () => {
    const seeded = await t.seedOAuth();
    const { db, state } = failingTokenWrites(Number.POSITIVE_INFINITY);
    const error = await getAccessToken(db, seeded.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenUnavailableError);
    expect(error).toMatchObject({ reason: "reconnect_required", userMessage: LOST_WRITE_MESSAGE });
    expect(state.attempts).toBe(WRITE_ATTEMPTS);
    expect(await t.row(seeded.id)).toMatchObject({
      status: "needs_reconnect",
      lastErrorCode: "store_failed",
      lastErrorMessage: LOST_WRITE_MESSAGE,
      refreshLeaseOwner: null,
    });
    expect(LOST_WRITE_MESSAGE).toMatch(/Zoom renewed the token, but the app could not store/);
    expect(await t.auditEvents(seeded.id, "credential.refresh_failed")).toEqual([
      { details: { reason: "store_failed", error: "Error" } },
    ]);
  });
});
