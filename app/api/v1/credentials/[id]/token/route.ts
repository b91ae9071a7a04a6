import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { db } from "@/lib/db/client";
import { withTokenApiMetrics } from "@/lib/metrics/observe";
import { issuedToken } from "@/lib/token-api/issue-token";
import {
  credentialNotFound,
  isCredentialId,
  refusal,
  tokenUnavailable,
  unauthorized,
} from "@/lib/token-api/responses";
import { servedToken } from "@/lib/token-api/served-token";

/** GET /api/v1/credentials/{id}/token — a fresh Zoom access token for a node. */
export const GET = withTokenApiMetrics(getToken);
async function getToken(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const caller = await authenticateApiKey(db(), request.headers.get("authorization"));
  if (!caller) return unauthorized();
  const { id } = await context.params;
  if (!isCredentialId(id)) return credentialNotFound();
  try {
    const served = await servedToken(db(), caller, id, "token");
    if (!served.ok) return refusal(served);
    return NextResponse.json(issuedToken(served.token), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof TokenUnavailableError) return tokenUnavailable(error);
    throw error;
  }
}
