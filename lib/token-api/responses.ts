import { NextResponse } from "next/server";
import type { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";

/** The token API's JSON errors: a stable code for programs, a sentence for people. */
export function apiError(
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return NextResponse.json(
    { error, message, ...extra },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

export const unauthorized = () =>
  apiError(
    401,
    "unauthorized",
    "Send a valid API key: Authorization: Bearer zcw_… (create one under Admin → API keys).",
    {},
    { "WWW-Authenticate": 'Bearer realm="zoom-credential-wizard"' },
  );

export const credentialNotFound = () =>
  apiError(404, "not_found", "No credential with that id in this API key's workspace.");

export const forbidden = (message: string) => apiError(403, "forbidden", message);

/** 409 when a person must act, 503 (with Retry-After) while Zoom is away. */
export function tokenUnavailable(error: TokenUnavailableError) {
  if (error.reason === "reconnect_required")
    return apiError(
      409,
      "reconnect_required",
      `${error.userMessage} Someone must reconnect this credential in the app.`,
    );
  const retryAfter = Math.max(1, error.retryAfterSeconds ?? 30);
  return apiError(
    503,
    "zoom_unavailable",
    error.userMessage,
    { retry_after: retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** A refusal of servedToken() as its answer. */
export const refusal = (served: { status: 403 | 404; message?: string }) =>
  served.status === 403 ? forbidden(served.message ?? "This API key may not do that.") : credentialNotFound();
