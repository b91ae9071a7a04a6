import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTempDatabase } from "@/lib/db/temp-database";
import { credentialSecretContext, n8nTargetSecretContext, zoomAppSecretContext } from "./encrypted-columns";
import { buildKeyRing, type KeyRing } from "./keyring";
import { rotateKeys } from "./rotate-keys";
import { decryptSecret, encryptSecret, parseCiphertext } from "./secret-box";
import { UnreadableSecretsError, verifyStoredSecrets } from "./verify-stored-secrets";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
const oldKey = randomBytes(32);
const newKey = randomBytes(32);

/** Credentials, each with a Zoom app of its own holding the Client Secret; every other one has a refresh token. */
async function seedCredentials(db: Db, ring: KeyRing, count: number) {
  const user = await db.user.create({ data: { email: "o@example.com", name: "O", passwordHash: "x" } });
  const workspace = await db.workspace.create({ data: { name: "W", slug: "w-1" } });
  const ids: { credentialId: string; appId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const app = await db.zoomApp.create({
      data: { workspaceId: workspace.id, createdById: user.id, name: `app${i}`, kind: "oauth" },
    });
    await db.zoomApp.update({
      where: { id: app.id },
      data: {
        developmentClientSecretEnc: encryptSecret(
          ring,
          `secret-${i}`,
          zoomAppSecretContext(app.id, "developmentClientSecretEnc"),
        ),
      },
    });
    const credential = await db.credential.create({
      data: {
        workspaceId: workspace.id,
        ownerId: user.id,
        zoomAppId: app.id,
        name: `c${i}`,
        method: "oauth",
      },
    });
    if (i % 2 === 0)
      await db.credential.update({
        where: { id: credential.id },
        data: {
          refreshTokenEnc: encryptSecret(
            ring,
            `refresh-${i}`,
            credentialSecretContext(credential.id, "refreshTokenEnc"),
          ),
        },
      });
    ids.push({ credentialId: credential.id, appId: app.id });
  }
  return ids;
}

const appSecret = (db: Db, id: string) =>
  db.zoomApp.findUniqueOrThrow({ where: { id }, select: { developmentClientSecretEnc: true } });

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
    for (const [i, { credentialId, appId }] of ids.entries()) {
      const sealed = (await appSecret(temp.db, appId)).developmentClientSecretEnc!;
      expect(parseCiphertext(sealed).keyId).toBe(onlyNew.current.id);
      expect(decryptSecret(onlyNew, sealed, zoomAppSecretContext(appId, "developmentClientSecretEnc"))).toBe(
        `secret-${i}`,
      );
      const row = await temp.db.credential.findUniqueOrThrow({
        where: { id: credentialId },
        select: { refreshTokenEnc: true },
      });
      // Every other credential holds a refresh token (seedCredentials); the rest hold none.
      expect(
        row.refreshTokenEnc === null
          ? null
          : decryptSecret(
              onlyNew,
              row.refreshTokenEnc,
              credentialSecretContext(credentialId, "refreshTokenEnc"),
            ),
      ).toBe(i % 2 === 0 ? `refresh-${i}` : null);
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
    const before = await appSecret(temp.db, ids[0]!.appId);
    const ring = buildKeyRing([newKey]);
    await expect(verifyStoredSecrets(temp.db, ring)).rejects.toThrow(UnreadableSecretsError);
    await expect(verifyStoredSecrets(temp.db, ring)).rejects.toThrow(buildKeyRing([oldKey]).current.id);
    expect(await appSecret(temp.db, ids[0]!.appId)).toEqual(before);
  });

  it("refuses a damaged value", async () => {
    const [seeded] = await seedCredentials(temp.db, buildKeyRing([oldKey]), 1);
    await temp.db.zoomApp.update({
      where: { id: seeded!.appId },
      data: { developmentClientSecretEnc: "v1.deadbeef.x.y.z" },
    });
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([oldKey]))).rejects.toThrow(/cannot be decrypted/);
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([oldKey]))).rejects.toThrow(/Zoom app/);
  });
});

describe("the event Secret Token of a Zoom app", () => {
  it("is rotated, checked at start-up, and bound to its own row", async () => {
    const [seeded] = await seedCredentials(temp.db, buildKeyRing([oldKey]), 2);
    const appId = seeded!.appId;
    const context = zoomAppSecretContext(appId, "eventSecretTokenEnc");
    await temp.db.zoomApp.update({
      where: { id: appId },
      data: { eventSecretTokenEnc: encryptSecret(buildKeyRing([oldKey]), "event-token", context) },
    });
    const ring = buildKeyRing([newKey, oldKey]);
    expect(await rotateKeys(temp.db, ring)).toEqual({ rotated: 4, skipped: 0 });
    const { eventSecretTokenEnc } = await temp.db.zoomApp.findUniqueOrThrow({
      where: { id: appId },
      select: { eventSecretTokenEnc: true },
    });
    expect(decryptSecret(buildKeyRing([newKey]), eventSecretTokenEnc!, context)).toBe("event-token");
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([newKey]))).resolves.toEqual({ checked: 4 });

    // The same ciphertext copied to another app does not pass as that app's token.
    const other = await temp.db.credential.findUniqueOrThrow({
      where: { id: (await seedIds(temp.db))[1]! },
      select: { zoomAppId: true },
    });
    await temp.db.zoomApp.update({ where: { id: other.zoomAppId! }, data: { eventSecretTokenEnc } });
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([newKey]))).rejects.toThrow(/eventSecretTokenEnc/);
  });
});

async function seedIds(db: Db) {
  return (await db.credential.findMany({ orderBy: { name: "asc" }, select: { id: true } })).map((c) => c.id);
}

describe("a workspace's n8n API key", () => {
  it("is rotated, checked at start-up, and bound to its own row", async () => {
    await seedCredentials(temp.db, buildKeyRing([oldKey]), 1);
    const workspace = await temp.db.workspace.findFirstOrThrow({ select: { id: true } });
    const id = "n8n-target-1";
    await temp.db.n8nTarget.create({
      data: {
        id,
        workspaceId: workspace.id,
        baseUrl: "https://n8n.example.com",
        apiKeyEnc: encryptSecret(buildKeyRing([oldKey]), "n8n-api-key", n8nTargetSecretContext(id)),
        checkedAt: new Date(),
      },
    });
    const ring = buildKeyRing([newKey, oldKey]);
    expect(await rotateKeys(temp.db, ring)).toEqual({ rotated: 3, skipped: 0 });
    const { apiKeyEnc } = await temp.db.n8nTarget.findUniqueOrThrow({
      where: { id },
      select: { apiKeyEnc: true },
    });
    expect(decryptSecret(buildKeyRing([newKey]), apiKeyEnc, n8nTargetSecretContext(id))).toBe("n8n-api-key");
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([newKey]))).resolves.toEqual({ checked: 3 });
    await expect(verifyStoredSecrets(temp.db, buildKeyRing([oldKey]))).rejects.toThrow(/n8n target/);
  });
});
