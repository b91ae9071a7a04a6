import { NextResponse } from "next/server";
import { issuedToken } from "@/lib/token-api/issue-token";
import { apiError } from "@/lib/token-api/responses";
import { withApiKey } from "@/lib/token-api/with-api-key";

/**
 * Zoom refused a token we served (code 124): the node sends it back in this header when it
 * fetches again, and the token is renewed once — unless another caller's report renewed it already.
 */
const REFUSED_TOKEN_HEADER = "zoom-refused-token";
const MAX_TOKEN_LENGTH = 4096;

/** GET /api/v1/credentials/{id}/token — a fresh Zoom access token for a node. */
export const GET = withApiKey({ credential: "token", metrics: true }, async ({ request, serve }) => {
  const refusedToken = request.headers.get(REFUSED_TOKEN_HEADER)?.trim() || undefined;
  if (refusedToken && refusedToken.length > MAX_TOKEN_LENGTH)
    return apiError(400, "bad_request", "The Zoom-Refused-Token header is longer than any Zoom token.");
  const token = await serve({ refusedToken });
  return NextResponse.json(issuedToken(token), { headers: { "Cache-Control": "no-store" } });
});
