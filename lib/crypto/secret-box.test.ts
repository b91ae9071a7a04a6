import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildKeyRing } from "./keyring";
import { DecryptionError, decryptSecret, encryptSecret, needsRotation, parseCiphertext } from "./secret-box";

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const context = "credential:c1:clientSecretEnc";

describe("secret box (AES-256-GCM)", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const ring = buildKeyRing([keyA]);
    const sealed = encryptSecret(ring, "s3cr3t-value", context);
    expect(sealed).not.toContain("s3cr3t");
    expect(sealed.split(".")[1]).toBe(ring.current.id);
    expect(decryptSecret(ring, sealed, context)).toBe("s3cr3t-value");
  });

  it("uses a fresh IV every time", () => {
    const ring = buildKeyRing([keyA]);
    expect(encryptSecret(ring, "same", context)).not.toBe(encryptSecret(ring, "same", context));
  });

  it("rejects a tampered ciphertext", () => {
    const ring = buildKeyRing([keyA]);
    const sealed = encryptSecret(ring, "s3cr3t-value", context);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 0xff;
    parts[4] = body.toString("base64url");
    expect(() => decryptSecret(ring, parts.join("."), context)).toThrow(DecryptionError);
  });

  it("rejects a ciphertext moved to another record (associated data)", () => {
    const ring = buildKeyRing([keyA]);
    const sealed = encryptSecret(ring, "s3cr3t-value", context);
    expect(() => decryptSecret(ring, sealed, "credential:c2:clientSecretEnc")).toThrow(DecryptionError);
  });

  it("rejects the wrong key, saying which key id is missing", () => {
    const sealed = encryptSecret(buildKeyRing([keyA]), "s3cr3t-value", context);
    const other = buildKeyRing([keyB]);
    try {
      decryptSecret(other, sealed, context);
      expect.fail("decrypted with the wrong key");
    } catch (error) {
      expect(error).toBeInstanceOf(DecryptionError);
      expect((error as DecryptionError).keyId).toBe(parseCiphertext(sealed).keyId);
    }
  });

  it("reads older keys after rotation and flags their values", () => {
    const old = buildKeyRing([keyA]);
    const sealed = encryptSecret(old, "s3cr3t-value", context);
    const rotated = buildKeyRing([keyB, keyA]);
    expect(decryptSecret(rotated, sealed, context)).toBe("s3cr3t-value");
    expect(needsRotation(rotated, sealed)).toBe(true);
    expect(needsRotation(rotated, encryptSecret(rotated, "x", context))).toBe(false);
  });

  it("refuses garbage and keys of the wrong size", () => {
    const ring = buildKeyRing([keyA]);
    expect(() => decryptSecret(ring, "plain text", context)).toThrow(DecryptionError);
    expect(() => buildKeyRing([randomBytes(16)])).toThrow(/32 bytes/);
    expect(() => buildKeyRing([])).toThrow();
  });
});
