import { countZoomCall } from "@/lib/metrics/observe";

// What a caller may say to Zoom: the rest (its Authorization with our API
// key, cookies, hop-by-hop and proxy headers, Host) never leaves the app.
const REQUEST_HEADERS = ["accept", "accept-language", "content-type", "if-match", "if-none-match"];

// Not passed back: hop-by-hop headers, and what fetch already undid (it
// decompresses, so the length and encoding no longer match); Zoom's cookies
// are for Zoom's own site, not for our callers.
const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-encoding",
  "content-length",
  "set-cookie",
]);

export const ZOOM_TIMEOUT_MS = 30_000;

export function upstreamHeaders(incoming: Headers, accessToken: string): Headers {
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set("authorization", `Bearer ${accessToken}`);
  return headers;
}

/** Zoom's headers (status codes, rate-limit counters, Retry-After…) for our answer, plus whose call it was. */
export function answerHeaders(upstream: Headers, credentialId: string): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) headers.append(name, value);
  });
  headers.set("x-credential-id", credentialId);
  headers.set("cache-control", "no-store");
  return headers;
}

export type ZoomCall = {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array | null;
};

/** Zoom gave no HTTP answer: the network failed, or it took longer than ZOOM_TIMEOUT_MS. */
export class ZoomUnreachableError extends Error {
  override name = "ZoomUnreachableError";
  constructor(readonly timedOut: boolean) {
    super(timedOut ? "Zoom timed out" : "Zoom unreachable");
  }
}

export async function callZoom(call: ZoomCall, accessToken: string): Promise<Response> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: upstreamHeaders(call.headers, accessToken),
      body: call.body as BodyInit | null,
      redirect: "manual",
      signal: AbortSignal.timeout(ZOOM_TIMEOUT_MS),
    });
    countZoomCall("proxy", response.status);
    return response;
  } catch (error) {
    countZoomCall("proxy", "network_error");
    throw new ZoomUnreachableError(error instanceof Error && error.name === "TimeoutError");
  }
}

/** Zoom's "invalid or expired access token": REST code 124 on a 401. */
export async function isInvalidToken(response: Response): Promise<{ invalid: boolean; text: string }> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: unknown };
    return { invalid: body.code === 124, text };
  } catch {
    return { invalid: false, text };
  }
}
