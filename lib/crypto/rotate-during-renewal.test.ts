// Key rotation (npm run keys:rotate) while the app renews tokens. Zoom kills
// the old refresh token the moment it issues a new one, so the renewal's new
// set is the only live one: rotation must neither overwrite it with an older
// set nor leave it under the key that is about to be removed.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { setupTokenTest, TEST_ENCRYPTION_KEY } from "@/testing/credentials/tokens/token-fixture";
import type { Db } from "@/lib/db/client";
import { credentialSecretContext, contextOf, encryptedValues } from "./encrypted-columns";
import { buildKeyRing } from "./keyring";
import { rotateKeys } from "./rotate-keys";
import { decryptSecret, parseCiphertext } from "./secret-box";

const t = setupTokenTest();
// The app of this process was started with the old key alone (the fixture's).
const oldKey = Buffer.from(TEST_ENCRYPTION_KEY, "base64");
const newKey = randomBytes(32);
const rotation = buildKeyRing([newKey, oldKey]);
const onlyNew = buildKeyRing([newKey]);

type GetAccessToken = typeof getAccessToken;

/**
 * A second app instance, restarted with ENCRYPTION_KEY="<new>,<old>" as the
 * README asks before rotating: a fresh copy of the module graph, whose
 * configuration is read (and cached) while the variable says so.
 */
async function restartedInstance(): Promise<GetAccessToken> {
  vi.stubEnv("ENCRYPTION_KEY", `${newKey.toString("base64")},${TEST_ENCRYPTION_KEY}`);
  vi.resetModules();
  const instance = await import("@/lib/credentials/tokens/get-access-token");
  const crypto = await import("@/lib/crypto");
  expect(crypto.appKeyRing().current.id).toBe(onlyNew.current.id);
  vi.stubEnv("ENCRYPTION_KEY", TEST_ENCRYPTION_KEY);
  return instance.getAccessToken;
}

/** The key id of every stored secret that does not decrypt with the new key alone (none, after rotation). */
async function secretsNotUnderNewKey(): Promise<string[]> {
  const left: string[] = [];
  for await (const item of encryptedValues(t.db)) {
    try {
      decryptSecret(onlyNew, item.value, contextOf(item));
    } catch {
      left.push(`${item.table} ${item.rowId} ${item.column} under key ${parseCiphertext(item.value).keyId}`);
    }
  }
  return left;
}

async function storedAccessToken(id: string): Promise<string> {
  const row = await t.db.credential.findUniqueOrThrow({ where: { id }, select: { accessTokenEnc: true } });
  return decryptSecret(onlyNew, row.accessTokenEnc!, credentialSecretContext(id, "accessTokenEnc"));
}

/** The stored refresh token is the live one: a forced renewal with it works at Zoom. */
async function expectLiveRefreshToken(instance: GetAccessToken, id: string) {
  const before = (await t.tokenCalls()).refresh_token;
  const forced = await instance(t.db, id, { force: true });
  expect((await t.tokenCalls()).refresh_token).toBe(before + 1);
  expect(await storedAccessToken(id)).toBe(forced.accessToken);
}

/** Rotation's database, which lets `writer` run to the end right after rotation has read its first page. */
function interruptedAfterFirstRead(writer: () => Promise<unknown>): Db {
  let reads = 0;
  return t.db.$extends({
    query: {
      credential: {
        async findMany({ args, query }) {
          const rows = await query(args);
          if (++reads === 1) await writer();
          return rows;
        },
      },
    },
  }) as unknown as Db;
}

describe("key rotation while a renewal writes", () => {
  it("a renewal held open while rotation runs still stores its set, under the new key", async () => {
    const restarted = await restartedInstance();
    const seeded = await t.seedOAuth();
    // Hold the renewal after Zoom has rotated, just before it stores the new set.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const renewalDb = t.db.$extends({
      query: {
        credential: {
          async updateMany({ args, query }) {
            if (args.data && "accessTokenEnc" in args.data) {
              held();
              await gate;
            }
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const before = (await t.tokenCalls()).refresh_token;
    const renewal = restarted(renewalDb, seeded.id);
    await holding;
    expect((await t.tokenCalls()).refresh_token).toBe(before + 1); // Zoom has rotated: the old set is dead

    const result = await rotateKeys(t.db, rotation);
    expect(result.rotated).toBeGreaterThanOrEqual(3); // this credential's two tokens and its app's secret
    expect((await t.row(seeded.id)).refreshLeaseOwner).not.toBeNull(); // the renewal has not written yet
    release();
    const renewed = await renewal;

    expect(renewed.accessToken).not.toBe(seeded.tokens?.accessToken);
    expect(await storedAccessToken(seeded.id)).toBe(renewed.accessToken);
    expect(await secretsNotUnderNewKey()).toEqual([]);
    await expectLiveRefreshToken(restarted, seeded.id);
  });

  it("a renewal stored between rotation's read and its write is not overwritten with the older set", async () => {
    const restarted = await restartedInstance();
    const seeded = await t.seedOAuth();
    let renewed = "";
    const db = interruptedAfterFirstRead(async () => {
      renewed = (await restarted(t.db, seeded.id)).accessToken;
    });

    await rotateKeys(db, rotation, 1_000);

    expect(renewed).not.toBe("");
    expect(await storedAccessToken(seeded.id)).toBe(renewed);
    expect(await secretsNotUnderNewKey()).toEqual([]);
    await expectLiveRefreshToken(restarted, seeded.id);
  });

  it("a set stored meanwhile by an instance still on the old key is read again and re-encrypted", async () => {
    const seeded = await t.seedOAuth();
    let renewed = "";
    // This process's own app has only the old key: it writes the new set under it.
    const db = interruptedAfterFirstRead(async () => {
      renewed = (await getAccessToken(t.db, seeded.id)).accessToken;
    });

    await rotateKeys(db, rotation, 1_000);

    expect(renewed).not.toBe("");
    expect(await secretsNotUnderNewKey()).toEqual([]);
    expect(await storedAccessToken(seeded.id)).toBe(renewed);
    await expectLiveRefreshToken(await restartedInstance(), seeded.id);
  });
});
