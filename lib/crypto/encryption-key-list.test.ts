// ENCRYPTION_KEY="<newest>,<older>…": the first key encrypts, every key
// decrypts. Read through the app's own configuration (lib/env.ts → lib/crypto),
// against rows in a real database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { ConfigError, parseEnv } from "@/lib/env";
import { zoomAppSecretContext } from "./encrypted-columns";
import { buildKeyRing, keyId } from "./keyring";
import { encryptSecret, parseCiphertext } from "./secret-box";

const newKey = randomBytes(32);
const oldKey = randomBytes(32);
const b64 = (key: Buffer) => key.toString("base64");

function problem(value: string): string {
  try {
    parseEnv({ ENCRYPTION_KEY: value });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`ENCRYPTION_KEY=${JSON.stringify(value)} was accepted`);
}

describe("a comma-separated ENCRYPTION_KEY, through the app's configuration", () => {
  let temp: Awaited<ReturnType<typeof createTempDatabase>>;
  let dataDir: string;
  beforeEach(async () => {
    temp = await createTempDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), "zcw-keys-"));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await temp.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** lib/crypto as a freshly started app sees it with this ENCRYPTION_KEY. */
  async function appCrypto(encryptionKey: string) {
    vi.stubEnv("ENCRYPTION_KEY", encryptionKey);
    vi.stubEnv("NEXTAUTH_SECRET", "key-list-tests-secret-0123456789abcdef");
    vi.stubEnv("DATA_DIR", dataDir);
    vi.resetModules();
    return import("@/lib/crypto");
  }

  it("reads a row written under the older key and writes new ones under the first key", async () => {
    const user = await temp.db.user.create({
      data: { email: "o@example.com", name: "O", passwordHash: "x" },
    });
    const workspace = await temp.db.workspace.create({ data: { name: "W", slug: "w-keys" } });
    const app = await temp.db.zoomApp.create({
      data: { workspaceId: workspace.id, createdById: user.id, name: "old app", kind: "oauth" },
    });
    const context = zoomAppSecretContext(app.id, "developmentClientSecretEnc");
    await temp.db.zoomApp.update({
      where: { id: app.id },
      data: { developmentClientSecretEnc: encryptSecret(buildKeyRing([oldKey]), "old-secret", context) },
    });

    // Spaces after the commas are fine.
    const { decrypt, encrypt, appKeyRing } = await appCrypto(`${b64(newKey)}, ${b64(oldKey)}`);
    expect(appKeyRing().current.id).toBe(keyId(newKey));
    const stored = await temp.db.zoomApp.findUniqueOrThrow({
      where: { id: app.id },
      select: { developmentClientSecretEnc: true },
    });
    expect(decrypt(stored.developmentClientSecretEnc!, context)).toBe("old-secret");

    await temp.db.zoomApp.update({
      where: { id: app.id },
      data: { developmentClientSecretEnc: encrypt("new-secret", context) },
    });
    const rewritten = await temp.db.zoomApp.findUniqueOrThrow({
      where: { id: app.id },
      select: { developmentClientSecretEnc: true },
    });
    expect(parseCiphertext(rewritten.developmentClientSecretEnc!).keyId).toBe(keyId(newKey));
    expect(decrypt(rewritten.developmentClientSecretEnc!, context)).toBe("new-secret");
  });

  it("with the keys the other way round, writes under the old key: the order is what decides", async () => {
    const { encrypt } = await appCrypto(`${b64(oldKey)},${b64(newKey)}`);
    expect(parseCiphertext(encrypt("x", "ctx")).keyId).toBe(keyId(oldKey));
  });
});

describe("a wrong ENCRYPTION_KEY stops the app with a sentence that names the entry, never its value", () => {
  it("refuses an empty entry instead of dropping a key without a word", () => {
    expect(problem(`${b64(newKey)},,${b64(oldKey)}`)).toContain(
      "ENCRYPTION_KEY: key 2 of 3 is empty: remove the extra comma, or put back the key that belongs there",
    );
    expect(problem(`${b64(newKey)},`)).toContain("ENCRYPTION_KEY: key 2 of 2 is empty");
    expect(problem(`${b64(newKey)},   `)).toContain("ENCRYPTION_KEY: key 2 of 2 is empty");
    expect(problem("")).toContain("ENCRYPTION_KEY: the key is empty");
    expect(problem(" , ")).toContain("ENCRYPTION_KEY: key 1 of 2 is empty");
  });

  it("refuses a malformed key, saying what a key looks like", () => {
    const malformed = [
      newKey.toString("hex"), // 64 hex characters: 48 bytes as base64
      b64(randomBytes(16)),
      `${b64(newKey).slice(0, 20)}!${b64(newKey).slice(21)}`, // a typo Node's decoder would skip
      "correct horse battery staple",
    ];
    for (const bad of malformed) {
      const message = problem(`${b64(newKey)},${bad}`);
      expect(message).toContain(
        "ENCRYPTION_KEY: key 2 of 2 is not a valid key: each key must be 32 bytes, base64-encoded (openssl rand -base64 32)",
      );
      expect(message).not.toContain(bad);
      expect(message).not.toContain(b64(newKey));
    }
    expect(problem("not-a-key")).toContain("ENCRYPTION_KEY: the key is not a valid key");
  });

  it("accepts one key, or several", () => {
    expect(parseEnv({ ENCRYPTION_KEY: b64(newKey) }).ENCRYPTION_KEY).toEqual([b64(newKey)]);
    expect(parseEnv({ ENCRYPTION_KEY: ` ${b64(newKey)} ,${b64(oldKey)} ` }).ENCRYPTION_KEY).toEqual([
      b64(newKey),
      b64(oldKey),
    ]);
  });
});
