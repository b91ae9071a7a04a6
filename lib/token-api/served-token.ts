import type { Db } from "@/lib/db/client";
import { scopeRefusal, type ApiCaller, type KeyAction } from "@/lib/api-keys/key-scope";
import { getAccessToken, MIN_VALIDITY_MS } from "@/lib/credentials/tokens/get-access-token";
import { readTokenRow, usableToken, type AccessToken } from "@/lib/credentials/tokens/read-token";
import { recordUse } from "./record-use";
import { servingCache } from "./serving";
import type { ServingCache } from "./serving-cache";

export type Served = { ok: true; token: AccessToken } | { ok: false; status: 403 | 404; message?: string };

const SERVABLE = ["connected", "expiring_soon"];

/**
 * The token a key may use for a credential, with at least five minutes left.
 * The hot path reads nothing: the decrypted token stays in memory until it
 * nears its end or the credential changes (serving-cache.ts). Otherwise one
 * read, and a renewal through the lease when the stored token is short.
 * Throws TokenUnavailableError when a person must act or Zoom is away.
 */
export async function servedToken(
  db: Db,
  caller: ApiCaller,
  credentialId: string,
  action: KeyAction,
  options: { now?: Date; cache?: ServingCache; forceRenewal?: boolean } = {},
): Promise<Served> {
  const now = options.now ?? new Date();
  const cache = options.cache ?? servingCache();
  const refusal = scopeRefusal(caller.scope, credentialId, action);
  // A key limited to other connections learns nothing about this id.
  if (refusal && caller.scope.credentialIds !== null && !caller.scope.credentialIds.includes(credentialId))
    return (await inWorkspace(db, cache, caller, credentialId))
      ? { ok: false, status: 403, message: refusal }
      : { ok: false, status: 404 };
  if (refusal) return { ok: false, status: 403, message: refusal };

  const hit = options.forceRenewal ? undefined : cache.token(credentialId, MIN_VALIDITY_MS, now.getTime());
  if (hit) {
    if (hit.workspaceId !== caller.workspaceId) return { ok: false, status: 404 };
    recordUse(db, caller, credentialId, action, now);
    return { ok: true, token: hit.token };
  }

  const generationBefore = cache.generation;
  const row = await readTokenRow(db, credentialId);
  if (!row || row.workspaceId !== caller.workspaceId) return { ok: false, status: 404 };
  const stored =
    !options.forceRenewal && SERVABLE.includes(row.status) ? usableToken(row, MIN_VALIDITY_MS, now) : null;
  if (stored)
    cache.rememberToken(credentialId, { workspaceId: row.workspaceId, token: stored }, generationBefore);
  const token =
    stored ?? (await getAccessToken(db, credentialId, options.forceRenewal ? { force: true } : {}));
  recordUse(db, caller, credentialId, action, now);
  return { ok: true, token };
}

async function inWorkspace(db: Db, cache: ServingCache, caller: ApiCaller, credentialId: string) {
  const hit = cache.token(credentialId, 0, Date.now());
  if (hit) return hit.workspaceId === caller.workspaceId;
  const row = await db.credential.findUnique({ where: { id: credentialId }, select: { workspaceId: true } });
  return row?.workspaceId === caller.workspaceId;
}
