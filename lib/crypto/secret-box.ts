import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./keyring";

/**
 * AES-256-GCM for secrets the app must read back (client secrets, tokens).
 * Format: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The
 * `context` (e.g. "credential:<id>:clientSecret") is bound as associated
 * data, so a ciphertext copied to another row or column will not decrypt.
 */
const VERSION = "v1";

export class DecryptionError extends Error {
  override name = "DecryptionError";
  constructor(
    message: string,
    readonly keyId: string | null,
  ) {
    super(message);
  }
}

export function encryptSecret(ring: KeyRing, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    ring.current.id,
    iv.toString("base64url"),
    tag.toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export function parseCiphertext(value: string): {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
} {
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION)
    throw new DecryptionError("This is not a ciphertext this app wrote.", null);
  const [, keyId = "", iv = "", tag = "", ciphertext = ""] = parts;
  return {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
}

export function decryptSecret(ring: KeyRing, value: string, context: string): string {
  const parsed = parseCiphertext(value);
  const key = ring.byId.get(parsed.keyId);
  if (!key)
    throw new DecryptionError(`Encrypted with key ${parsed.keyId}, which is not configured.`, parsed.keyId);
  if (parsed.iv.length !== 12 || parsed.tag.length !== 16)
    throw new DecryptionError("The ciphertext is damaged.", parsed.keyId);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, parsed.iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("The ciphertext is damaged or belongs to another record.", parsed.keyId);
  }
}

/** True when the value was written with an older key and should be re-encrypted. */
export function needsRotation(ring: KeyRing, value: string): boolean {
  return parseCiphertext(value).keyId !== ring.current.id;
}
