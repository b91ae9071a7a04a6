import { NextResponse } from "next/server";
import { apiError } from "../responses";
import type { CredentialRequest } from "../with-api-key";
import { answerHeaders, callZoom, isInvalidToken, ZoomUnreachableError, type ZoomCall } from "./forward";
import { BodyTooLargeError, MAX_PROXY_BODY_BYTES, readLimitedBody } from "./limited-body";
import { zoomApiPath } from "./proxy-path";
import { zoomApiBase } from "./zoom-base-url";

const BODY_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/**
 * One node request through to Zoom with the credential's token. The token
 * API's refusals (403/404/409/503: serve() throws them, withApiKey answers)
 * come before anything reaches Zoom. On Zoom's "invalid access token" (124)
 * the token is renewed once, through the lease, and the call made once more;
 * every other answer — 429 with its Retry-After included — goes back as Zoom
 * gave it.
 */
export async function proxyZoom({ request, credentialId, serve }: CredentialRequest) {
  const url = new URL(request.url);
  const path = zoomApiPath(url.pathname, credentialId);
  if ("error" in path) return apiError(400, "bad_path", path.error);
  try {
    const served = await serve();
    let body: Uint8Array | null = null;
    if (BODY_METHODS.has(request.method)) body = await readLimitedBody(request);
    const call: ZoomCall = {
      method: request.method,
      url: `${zoomApiBase(served.apiUrl)}/${path.path}${url.search}`,
      headers: request.headers,
      body,
    };
    let answer = await callZoom(call, served.accessToken);
    if (answer.status === 401) {
      const { invalid, text } = await isInvalidToken(answer);
      if (!invalid)
        return new NextResponse(text, { status: 401, headers: answerHeaders(answer.headers, credentialId) });
      // Renewed only if nobody renewed since this token was served: one renewal per refusal.
      const renewed = await serve({ staleVersion: served.version });
      answer = await callZoom(call, renewed.accessToken);
    }
    return new NextResponse(answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answerHeaders(answer.headers, credentialId),
    });
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return apiError(
        413,
        "body_too_large",
        `The request body is larger than ${MAX_PROXY_BODY_BYTES / 1024 / 1024} MB, the most the proxy forwards to Zoom. Send a smaller body.`,
        { limit_bytes: MAX_PROXY_BODY_BYTES },
      );
    if (error instanceof ZoomUnreachableError)
      return error.timedOut
        ? apiError(504, "zoom_timeout", "Zoom did not answer in time. Try again shortly.")
        : apiError(502, "zoom_unreachable", "Zoom could not be reached. Try again shortly.");
    throw error;
  }
}
