import type { Db } from "@/lib/db/client";
import { hashApiKey, looksLikeApiKey } from "./api-key-format";

export type ApiCaller = { apiKeyId: string; workspaceId: string; name: string; prefix: string };

// Touching lastUsedAt on every request would make each token fetch a write;
// once a minute per key is plenty for "last used".
const TOUCH_EVERY_MS = 60_000;
const lastTouched = new Map<string, number>();

// Nodes call with the same key many times a second: remember a key for a few
// seconds instead of reading it on every request. Revoking on this instance
// forgets it at once (forgetApiKey); other instances stop accepting it
// within CACHE_MS.
const CACHE_MS = 5_000;
const MAX_CACHED = 1_000;
// On globalThis: Next.js may load this module once for route handlers and once
// for server actions, and a revoke (an action) must reach the API's cache.
// `revocations` counts revokes on this instance: a lookup that began before a
// revoke may have read the key as valid, and must not cache that answer.
const shared = globalThis as unknown as {
  zcwApiKeyCache?: Map<string, { caller: ApiCaller | null; until: number }>;
  zcwApiKeyRevocations?: { count: number };
};
const cache = (shared.zcwApiKeyCache ??= new Map<string, { caller: ApiCaller | null; until: number }>());
const revocations = (shared.zcwApiKeyRevocations ??= { count: 0 });

export function forgetApiKey(apiKeyId: string): void {
  revocations.count++;
  for (const [hash, entry] of cache) if (entry.caller?.apiKeyId === apiKeyId) cache.delete(hash);
}

/** The key behind an `Authorization: Bearer …` header, or null when missing, unknown or revoked. */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  now = new Date(),
): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const raw = match?.[1];
  if (!raw || !looksLikeApiKey(raw)) return null;
  const keyHash = hashApiKey(raw);
  const cached = cache.get(keyHash);
  if (cached && cached.until > now.getTime()) return cached.caller;
  const revocationsBefore = revocations.count;
  const key = await db.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, workspaceId: true, name: true, prefix: true, revokedAt: true },
  });
  const caller =
    key && !key.revokedAt
      ? { apiKeyId: key.id, workspaceId: key.workspaceId, name: key.name, prefix: key.prefix }
      : null;
  // A key was revoked while we read: this answer may predate it. Read again.
  if (revocations.count !== revocationsBefore) return authenticateApiKey(db, authorization, now);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(keyHash, { caller, until: now.getTime() + CACHE_MS });
  if (!key || !caller) return null;
  const touched = lastTouched.get(key.id) ?? 0;
  if (now.getTime() - touched > TOUCH_EVERY_MS) {
    lastTouched.set(key.id, now.getTime());
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return caller;
}
