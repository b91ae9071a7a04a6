import { createHash, randomBytes } from "node:crypto";

/**
 * Keys look like `zcw_<8-char prefix>_<secret>`. The prefix is stored in the
 * clear so people can tell keys apart; the whole key only as a SHA-256 hash
 * (a random 256-bit secret needs no slow hash).
 */
export function newApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const key = `zcw_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const looksLikeApiKey = (value: string) => /^zcw_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/.test(value);
