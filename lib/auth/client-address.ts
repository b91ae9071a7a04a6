import { getEnv } from "@/lib/env";

/**
 * The address a request came from, for the per-address sign-in limit.
 * Next.js only fills X-Forwarded-For when the client sent none, so the header
 * is the client's word — unless a proxy in front overwrites or appends to
 * it. It is therefore trusted only when TRUST_PROXY=1 says such a proxy
 * exists (its entry is the last one); otherwise the per-address limit is off
 * and the per-email limit alone applies.
 */
export function clientAddress(
  headers: Headers | Record<string, string | string[] | undefined> | undefined,
  trustProxy = getEnv().trustProxy,
): string | null {
  if (!headers || !trustProxy) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  return (
    value
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1) ?? null
  );
}
