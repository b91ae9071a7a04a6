/** next-auth's cookie holding where to return after signing in. */
export const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * The test next-auth applies to a callback URL (core/lib/assert.js). It
 * answers a failure with a 500 "server configuration" error — on every page
 * when the failure is in its cookie — so we test first.
 */
export function isHttpUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}
