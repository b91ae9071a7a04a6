import { createHash } from "node:crypto";

export type KeyRing = {
  /** The newest key: everything is encrypted with it. */
  current: { id: string; key: Buffer };
  /** Every configured key by id, newest first, for reading older ciphertext. */
  byId: Map<string, Buffer>;
};

/**
 * A key's id is derived from the key itself, so nobody has to name keys and
 * a ciphertext always says which key it needs.
 */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function buildKeyRing(keys: Buffer[]): KeyRing {
  const [newest] = keys;
  if (!newest) throw new Error("At least one encryption key is needed.");
  for (const key of keys) if (key.length !== 32) throw new Error("Encryption keys must be 32 bytes.");
  return { current: { id: keyId(newest), key: newest }, byId: new Map(keys.map((key) => [keyId(key), key])) };
}
