import { ServingCache } from "./serving-cache";
import { ServingListener } from "./serving-listener";

// On globalThis: Next.js may load this module once for route handlers and once
// for server actions, and a change made by an action must reach the API's cache.
const shared = globalThis as unknown as { zcwServing?: ServingCache };

/**
 * The process's serving cache. On SQLite one process serves (the writer
 * forgets in-process); on PostgreSQL it trusts itself only while its
 * LISTEN connection is up.
 */
export function servingCache(): ServingCache {
  if (shared.zcwServing) return shared.zcwServing;
  // DATABASE_URL itself, not getEnv(): reading it must not generate secrets as a side effect.
  const databaseUrl = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:/.test(databaseUrl)) return (shared.zcwServing = new ServingCache());
  let listener: ServingListener | null = null;
  const cache = new ServingCache(() => listener?.connected ?? false);
  listener = new ServingListener(databaseUrl, () => cache);
  listener.start();
  return (shared.zcwServing = cache);
}

/** A credential changed here in a way that should stop or change what is served. */
export function forgetServedCredential(credentialId?: string): void {
  const cache = shared.zcwServing;
  if (!cache) return;
  if (credentialId) cache.forgetCredential(credentialId);
  else cache.forgetAll();
}

export function forgetServedApiKey(apiKeyId: string): void {
  shared.zcwServing?.forgetApiKey(apiKeyId);
}
