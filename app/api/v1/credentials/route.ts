import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { db } from "@/lib/db/client";
import { splitScopes } from "@/lib/guides/scopes";
import { unauthorized } from "@/lib/token-api/responses";

/** GET /api/v1/credentials — the key's workspace's credentials; never a secret. */
export async function GET(request: NextRequest) {
  const caller = await authenticateApiKey(db(), request.headers.get("authorization"));
  if (!caller) return unauthorized();
  const rows = await db().credential.findMany({
    // A key limited to some connections lists only those.
    where: {
      workspaceId: caller.workspaceId,
      ...(caller.scope.credentialIds ? { id: { in: caller.scope.credentialIds } } : {}),
    },
    select: {
      id: true,
      name: true,
      method: true,
      status: true,
      zoomUserId: true,
      zoomEmail: true,
      zoomAccountId: true,
      grantedScopes: true,
      accessTokenExpiresAt: true,
      lastRefreshedAt: true,
    },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  return NextResponse.json(
    {
      credentials: rows.map((row) => ({
        id: row.id,
        name: row.name,
        method: row.method,
        status: row.status,
        scopes: splitScopes(row.grantedScopes),
        zoom_user: { id: row.zoomUserId, email: row.zoomEmail, account_id: row.zoomAccountId },
        token_expires_at: row.accessTokenExpiresAt?.toISOString() ?? null,
        last_refreshed_at: row.lastRefreshedAt?.toISOString() ?? null,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
