import { NextResponse } from "next/server";

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
