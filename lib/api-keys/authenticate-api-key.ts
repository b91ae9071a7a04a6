import type { Db } from "@/lib/db/client";
import { hashApiKey, looksLikeApiKey } from "./api-key-format";

export type ApiCaller = { apiKeyId: string; workspaceId: string; name: string; prefix: string };

// Touching lastUsedAt on every request would make each token fetch a write;
// once a minute per key is plenty for "last used".
const TOUCH_EVERY_MS = 60_000;
const lastTouched = new Map<string, number>();

/** The key behind an `Authorization: Bearer …` header, or null when missing, unknown or revoked. */
export async function authenticateApiKey(db: Db, authorization: string | null, now = new Date()): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const raw = match?.[1];
  if (!raw || !looksLikeApiKey(raw)) return null;
  const key = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(raw) }, select: { id: true, workspaceId: true, name: true, prefix: true, revokedAt: true } });
  if (!key || key.revokedAt) return null;
  const touched = lastTouched.get(key.id) ?? 0;
  if (now.getTime() - touched > TOUCH_EVERY_MS) {
    lastTouched.set(key.id, now.getTime());
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { apiKeyId: key.id, workspaceId: key.workspaceId, name: key.name, prefix: key.prefix };
}
