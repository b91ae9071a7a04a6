import type { NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { db } from "@/lib/db/client";
import { credentialNotFound, isCredentialId, unauthorized } from "@/lib/token-api/responses";
import { proxyZoom } from "@/lib/token-api/zoom-proxy/proxy-zoom";

type Context = { params: Promise<{ id: string; path: string[] }> };

/** … /api/v1/credentials/{id}/zoom/{path} — Zoom's REST API (/v2/{path}) with this credential's token. */
async function handle(request: NextRequest, context: Context) {
  const caller = await authenticateApiKey(db(), request.headers.get("authorization"));
  if (!caller) return unauthorized();
  const { id } = await context.params;
  if (!isCredentialId(id)) return credentialNotFound();
  return proxyZoom(db(), caller, id, request);
}

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
