import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { db } from "@/lib/db/client";
import { withTokenApiMetrics } from "@/lib/metrics/observe";
import { issuedToken } from "@/lib/token-api/issue-token";
import {
  apiError,
  credentialNotFound,
  isCredentialId,
  refusal,
  tokenUnavailable,
  unauthorized,
} from "@/lib/token-api/responses";
import { servedToken } from "@/lib/token-api/served-token";

/**
 * Zoom refused a token we served (code 124): the node sends it back in this header when it
 * fetches again, and the token is renewed once — unless another caller's report renewed it already.
 */
const REFUSED_TOKEN_HEADER = "zoom-refused-token";
const MAX_TOKEN_LENGTH = 4096;

/** GET /api/v1/credentials/{id}/token — a fresh Zoom access token for a node. */
export const GET = withTokenApiMetrics(getToken);
async function getToken(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const caller = await authenticateApiKey(db(), request.headers.get("authorization"));
  if (!caller) return unauthorized();
  const { id } = await context.params;
  if (!isCredentialId(id)) return credentialNotFound();
  const refusedToken = request.headers.get(REFUSED_TOKEN_HEADER)?.trim() || undefined;
  if (refusedToken && refusedToken.length > MAX_TOKEN_LENGTH)
    return apiError(400, "bad_request", "The Zoom-Refused-Token header is longer than any Zoom token.");
  try {
    const served = await servedToken(db(), caller, id, "token", { refusedToken });
    if (!served.ok) return refusal(served);
    return NextResponse.json(issuedToken(served.token), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof TokenUnavailableError) return tokenUnavailable(error);
    throw error;
  }
}
