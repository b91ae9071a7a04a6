/**
 * The address a request came from, for rate limiting. `next start` appends the
 * socket's address to X-Forwarded-For, so the last entry is the one the
 * nearest hop saw; a client cannot forge it by sending its own header.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? null;
}
