import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTempDatabase } from "@/lib/db/temp-database";
import { credentialSecretContext } from "./encrypted-columns";
import { buildKeyRing, type KeyRing } from "./keyring";
import { rotateKeys } from "./rotate-keys";
import { decryptSecret, encryptSecret, parseCiphertext } from "./secret-box";
import { UnreadableSecretsError, verifyStoredSecrets } from "./verify-stored-secrets";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
const oldKey = randomBytes(32);
const newKey = randomBytes(32);

async function seedCredentials(db: Db, ring: KeyRing, count: number) {
  const user = await db.user.create({ data: { email: "o@example.com", name: "O", passwordHash: "x" } });
  const workspace = await db.workspace.create({ data: { name: "W", slug: "w-1" } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const credential = await db.credential.create({
      data: { workspaceId: workspace.id, ownerId: user.id, name: `c${i}`, method: "oauth" },
    });
    await db.credential.update({
      where: { id: credential.id },
      data: {
        clientSecretEnc: encryptSecret(
          ring,
          `secret-${i}`,
          credentialSecretContext(credential.id, "clientSecretEnc"),
        ),
        refreshTokenEnc:
          i % 2 === 0
            ? encryptSecret(ring, `refresh-${i}`, credentialSecretContext(credential.id, "refreshTokenEnc"))
            : null,
      },
    });
    ids.push(credential.id);
  }
  return ids;
}

beforeEach(async () => {
  temp = await createTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

describe("key rotation", () => {
  it("re-encrypts every row with the newest key and keeps every value readable", async () => {
    const ids = await seedCredentials(temp.db, buildKeyRing([oldKey]), 7);
    const ring = buildKeyRing([newKey, oldKey]);
    const result = await rotateKeys(temp.db, ring, 3);
    expect(result).toEqual({ rotated: 11, skipped: 0 });

    const onlyNew = buildKeyRing([newKey]);
    for (const [i, id] of ids.entries()) {
      const row = await temp.db.credential.findUniqueOrThrow({
        where: { id },
        select: { clientSecretEnc: true, refreshTokenEnc: true },
      });
      expect(parseCiphertext(row.clientSecretEnc!).keyId).toBe(onlyNew.current.id);
      expect(
        decryptSecret(onlyNew, row.clientSecretEnc!, credentialSecretContext(id, "clientSecretEnc")),
      ).toBe(`secret-${i}`);
      if (i % 2 === 0)
        expect(
          decryptSecret(onlyNew, row.refreshTokenEnc!, credentialSecretContext(id, "refreshTokenEnc")),
        ).toBe(`refresh-${i}`);
    }
    // Running it again changes nothing.
    expect(await rotateKeys(temp.db, ring)).toEqual({ rotated: 0, skipped: 11 });
  });
});

describe("start-up check of stored secrets", () => {
  it("passes when every secret decrypts", async () => {
    await seedCredentials(temp.db, buildKeyRing([oldKey]), 3);
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([newKey, oldKey]))).resolves.toEqual({
      checked: 5,
    });
  });

  it("refuses, naming the missing key, when a key was dropped — and changes nothing", async () => {
    const ids = await seedCredentials(temp.db, buildKeyRing([oldKey]), 2);
    const before = await temp.db.credential.findUniqueOrThrow({
      where: { id: ids[0]! },
      select: { clientSecretEnc: true },
    });
    const ring = buildKeyRing([newKey]);
    await expect(verifyStoredSecrets(temp.db, ring)).rejects.toThrow(UnreadableSecretsError);
    await expect(verifyStoredSecrets(temp.db, ring)).rejects.toThrow(buildKeyRing([oldKey]).current.id);
    const after = await temp.db.credential.findUniqueOrThrow({
      where: { id: ids[0]! },
      select: { clientSecretEnc: true },
    });
    expect(after.clientSecretEnc).toBe(before.clientSecretEnc);
  });

  it("refuses a damaged value", async () => {
    const [id] = await seedCredentials(temp.db, buildKeyRing([oldKey]), 1);
    await temp.db.credential.update({ where: { id: id! }, data: { clientSecretEnc: "v1.deadbeef.x.y.z" } });
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([oldKey]))).rejects.toThrow(/cannot be decrypted/);
  });
});
