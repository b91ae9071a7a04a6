import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { scopeRefusal, type ApiCaller, type KeyAction } from "@/lib/api-keys/key-scope";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { readTokenRow, usableToken, type AccessToken } from "@/lib/credentials/tokens/read-token";
import { heldToken, heldWorkspace } from "@/lib/credentials/tokens/rotated-sets";
import { RENEW_AHEAD_MS } from "@/lib/keeper/keeper-rules";
import { recordUse } from "./record-use";
import { servingCache } from "./serving";
import type { ServingCache } from "./serving-cache";

export type Served = { ok: true; token: AccessToken } | { ok: false; status: 403 | 404; message?: string };

const SERVABLE = ["connected", "expiring_soon"];

/**
 * A used connection's token is renewed RENEW_AHEAD_MS before it runs out, and
 * Zoom's rotation kills it then. So a node is told to come back by then
 * (`comeBackAt`, the token API's `expires_at`), and a token is served only
 * while that moment is at least a minute away; after it, the token is renewed
 * first, as the keeper would.
 */
export const SERVE_MIN_VALIDITY_MS = RENEW_AHEAD_MS + 60_000;
export function comeBackAt(token: AccessToken, now = new Date()): Date {
  const planned = token.expiresAt.getTime() - RENEW_AHEAD_MS;
  // A pasted legacy token is never renewed, and while Zoom is away a short token is served as it
  // is: then the only moment to come back is its end.
  return new Date(planned > now.getTime() ? planned : token.expiresAt.getTime());
}

export type ServeOptions = {
  now?: Date;
  cache?: ServingCache;
  /** Zoom answered 124 to the token of this version (the proxy): renew it, unless it is renewed already. */
  staleVersion?: number;
  /** Zoom answered 124 to this token (a node says so to the token API): the same, by the token itself. */
  refusedToken?: string;
};

/**
 * The token a key may use for a credential, until at least a minute before its planned renewal.
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
  options: ServeOptions = {},
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

  let stale = options.staleVersion;
  const isStale = (token: AccessToken) =>
    (stale !== undefined && token.version <= stale) ||
    (options.refusedToken !== undefined && sameToken(token.accessToken, options.refusedToken));

  const hit = cache.token(credentialId, SERVE_MIN_VALIDITY_MS, now.getTime());
  if (hit && !isStale(hit.token)) {
    if (hit.workspaceId !== caller.workspaceId) return { ok: false, status: 404 };
    recordUse(db, caller, credentialId, action, now);
    return { ok: true, token: hit.token };
  }
  if (hit && isStale(hit.token)) stale = Math.max(stale ?? -1, hit.token.version);

  // A renewed set this instance holds while the database is away (rotated-sets.ts).
  const held = heldToken(credentialId, SERVE_MIN_VALIDITY_MS, now);
  if (held && !isStale(held)) {
    if (heldWorkspace(credentialId) !== caller.workspaceId) return { ok: false, status: 404 };
    recordUse(db, caller, credentialId, action, now);
    return { ok: true, token: held };
  }

  const generationBefore = cache.generation;
  const row = await readTokenRow(db, credentialId);
  if (!row || row.workspaceId !== caller.workspaceId) return { ok: false, status: 404 };
  const storedToken = SERVABLE.includes(row.status) ? usableToken(row, 0, now) : null;
  if (storedToken && isStale(storedToken)) stale = Math.max(stale ?? -1, storedToken.version);
  const stored =
    storedToken &&
    !isStale(storedToken) &&
    storedToken.expiresAt.getTime() - now.getTime() >= SERVE_MIN_VALIDITY_MS
      ? storedToken
      : null;
  if (stored)
    cache.rememberToken(credentialId, { workspaceId: row.workspaceId, token: stored }, generationBefore);
  const token =
    stored ??
    (await getAccessToken(db, credentialId, {
      minValidityMs: SERVE_MIN_VALIDITY_MS,
      ...(stale !== undefined ? { staleVersion: stale } : {}),
    }));
  recordUse(db, caller, credentialId, action, now);
  return { ok: true, token };
}

/** Compared by digest, in constant time: the caller's word is never used to look anything up. */
function sameToken(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

async function inWorkspace(db: Db, cache: ServingCache, caller: ApiCaller, credentialId: string) {
  const hit = cache.token(credentialId, 0, Date.now());
  if (hit) return hit.workspaceId === caller.workspaceId;
  const row = await db.credential.findUnique({ where: { id: credentialId }, select: { workspaceId: true } });
  return row?.workspaceId === caller.workspaceId;
}
