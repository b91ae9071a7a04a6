import { describeAccessDenied, lookupZoomCode, type ZoomErrorEntry } from "@/lib/zoom/error-catalogue";

/**
 * What went wrong in a handshake that failed before our Zoom client was
 * called: the person pressed Decline, or the browser came back without the
 * state/PKCE cookies (a different address than APP_URL, or an old tab).
 */
export function classifyHandshakeError(code: string, metadata: unknown): ZoomErrorEntry {
  const meta = (metadata ?? {}) as { error?: unknown; message?: unknown };
  const message = meta.error instanceof Error ? meta.error.message : typeof meta.message === "string" ? meta.message : "";
  if (/access_denied/.test(message)) return describeAccessDenied();
  return lookupZoomCode(code.startsWith("OAUTH") ? "unknown" : code);
}

/** A handshake that came back without its cookies or with a foreign state. */
export const HANDSHAKE_LOST_MESSAGE =
  "The connection did not finish: your browser came back from Zoom without this app’s sign-in cookies. Open the app at its own address (APP_URL) — not another host name for it — and press Connect to Zoom again.";
