import { probe, type N8nTargetKeys } from "./n8n-api";

/** An id no n8n credential has: the probes below must find nothing, and change nothing. */
export const PROBE_CREDENTIAL_ID = "zcw-probe-none";

export type KeysCheck =
  { ok: true; words: string } | { ok: false; words: string; field: "baseUrl" | "apiKey" };

/**
 * Checks an n8n address and key before they are saved, without touching any
 * credential: a read of a credential that does not exist (404 proves the key
 * works and may read), then an update of it (404 proves PATCH is routed and
 * allowed; n8n 2.39.0–2.39.8 answer 405, keys without credential:update 403),
 * then a creation with an empty body (400 proves credential:create; 403 not).
 */
export async function checkN8nKeys(target: N8nTargetKeys): Promise<KeysCheck> {
  const read = await probe(target, { method: "GET", id: PROBE_CREDENTIAL_ID, scope: "credential:read" });
  if (read.status === 401 || read.status === 403 || read.status === null)
    return { ok: false, words: read.words, field: fieldOf(read.status) };
  // Only n8n's own JSON "not found" proves this is n8n's API (a web page or a 200 does not).
  if (read.status !== 404 || !read.n8nShaped)
    return {
      ok: false,
      words: `That address answered (${read.status}), but not like n8n's public API. Enter n8n's own address, like https://n8n.example.com.`,
      field: "baseUrl",
    };
  const update = await probe(target, {
    method: "PATCH",
    id: PROBE_CREDENTIAL_ID,
    scope: "credential:update",
  });
  if (update.status !== 404 && !update.ok)
    return { ok: false, words: update.words, field: fieldOf(update.status) };
  // An empty body: n8n checks the key's scope first (403), then refuses the body (400) — nothing is made.
  const create = await probe(target, { method: "POST", id: "", scope: "credential:create" });
  if (create.status !== 400) return { ok: false, words: create.words, field: fieldOf(create.status) };
  return { ok: true, words: "n8n accepted the key: it may create, read and update credentials." };
}

const fieldOf = (status: number | null): "baseUrl" | "apiKey" =>
  status === 401 || status === 403 ? "apiKey" : "baseUrl";
