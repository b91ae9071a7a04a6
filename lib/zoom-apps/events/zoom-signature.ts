import { createHmac, timingSafeEqual } from "node:crypto";

/** Zoom refuses nothing older; neither do we (a replayed event is older). */
export const MAX_EVENT_AGE_SECONDS = 5 * 60;

const hmacHex = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");

/** `x-zm-signature` as Zoom computes it: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function zoomSignature(secretToken: string, timestamp: string, rawBody: string): string {
  return `v0=${hmacHex(secretToken, `v0:${timestamp}:${rawBody}`)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

/**
 * Whether Zoom signed this body with the app's Secret Token, recently. The
 * comparison takes the same time whatever the bytes, so nobody learns a
 * valid signature one character at a time.
 */
export function checkZoomSignature(input: {
  secretToken: string;
  rawBody: string;
  timestamp: string | null;
  signature: string | null;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing" };
  const age = input.now.getTime() / 1000 - Number(timestamp);
  // A clock a little ahead of ours is Zoom's; one far ahead is a forger's.
  if (Math.abs(age) > MAX_EVENT_AGE_SECONDS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(zoomSignature(input.secretToken, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "mismatch" };
  return { ok: true };
}

/** The answer to `endpoint.url_validation`: the plain token and its HMAC with the Secret Token. */
export function urlValidationAnswer(secretToken: string, plainToken: string) {
  return { plainToken, encryptedToken: hmacHex(secretToken, plainToken) };
}
