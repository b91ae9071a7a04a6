import type { Db } from "@/lib/db/client";
import { servingCache } from "@/lib/token-api/serving";
import type { ServingCache } from "@/lib/token-api/serving-cache";
import { hashApiKey, looksLikeApiKey } from "./api-key-format";
import { parseKeyScope, type ApiCaller } from "./key-scope";

export type { ApiCaller } from "./key-scope";

// Touching lastUsedAt on every request would make each token fetch a write;
// once a minute per key is plenty for "last used".
const TOUCH_EVERY_MS = 60_000;
const lastTouched = new Map<string, number>();

// Nodes call with the same key many times a second: remember a key (and a
// refusal) for a while instead of reading it on every request. A revoke or a
// change of its limits is forgotten at once (lib/token-api/serving.ts: in
// this process, and on PostgreSQL everywhere through NOTIFY); the time limit
// only bounds what a second process on one SQLite file may miss.
const CACHE_MS = 5_000;

/** Forget a key on this instance (revoked, or its limits changed). */
export { forgetServedApiKey as forgetApiKey } from "@/lib/token-api/serving";

/** The key behind an `Authorization: Bearer …` header, or null when missing, unknown or revoked. */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  now = new Date(),
  cache: ServingCache = servingCache(),
): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const raw = match?.[1];
  if (!raw || !looksLikeApiKey(raw)) return null;
  const keyHash = hashApiKey(raw);
  const cached = cache.key(keyHash, now.getTime());
  if (cached) return cached.caller;
  const generationBefore = cache.generation;
  const key = await db.apiKey.findUnique({
    where: { keyHash },
    select: {
      id: true,
      workspaceId: true,
      name: true,
      prefix: true,
      revokedAt: true,
      credentialIds: true,
      actions: true,
    },
  });
  const caller: ApiCaller | null =
    key && !key.revokedAt
      ? {
          apiKeyId: key.id,
          workspaceId: key.workspaceId,
          name: key.name,
          prefix: key.prefix,
          scope: parseKeyScope(key),
        }
      : null;
  // Not cached when a key changed while we read: this answer may predate it.
  cache.rememberKey(keyHash, { caller, until: now.getTime() + CACHE_MS }, generationBefore);
  if (caller) touch(db, caller.apiKeyId, now);
  return caller;
}

/** lastUsedAt, throttled and off the response path: a slow write must not slow the caller. */
function touch(db: Db, apiKeyId: string, now: Date): void {
  if (now.getTime() - (lastTouched.get(apiKeyId) ?? 0) <= TOUCH_EVERY_MS) return;
  lastTouched.set(apiKeyId, now.getTime());
  db.apiKey
    .update({ where: { id: apiKeyId }, data: { lastUsedAt: now } })
    .catch(() => lastTouched.delete(apiKeyId));
}
