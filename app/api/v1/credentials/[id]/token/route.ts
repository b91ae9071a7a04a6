import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { db } from "@/lib/db/client";
import { issueToken } from "@/lib/token-api/issue-token";
import { apiError, credentialNotFound, unauthorized } from "@/lib/token-api/responses";
import { withTokenApiMetrics } from "@/lib/metrics/observe";

/** GET /api/v1/credentials/{id}/token — a fresh Zoom access token for a node. */
export const GET = withTokenApiMetrics(getToken);
async function getToken(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const caller = await authenticateApiKey(db(), request.headers.get("authorization"));
  if (!caller) return unauthorized();
  const { id } = await context.params;
  if (!/^[a-z0-9]{1,64}$/i.test(id)) return credentialNotFound();
  try {
    const token = await issueToken(db(), caller, id);
    if (!token) return credentialNotFound();
    return NextResponse.json(token, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof TokenUnavailableError)) throw error;
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
}
