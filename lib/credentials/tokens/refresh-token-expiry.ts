import { decodeZoomToken } from "@/lib/zoom/decode-token";

/**
 * Zoom's refresh tokens are JWT-shaped; their `exp` is a hint of when a
 * person must reconnect (docs/zoom-behaviour.md: read it, never trust it as a contract).
 * The keeper warns with "Expiring soon" a week before.
 */
export function refreshTokenExpiry(refreshToken: string | null): Date | null {
  if (!refreshToken) return null;
  const decoded = decodeZoomToken(refreshToken);
  return decoded.ok ? decoded.expiresAt : null;
}
