import type { ApiCaller } from "@/lib/api-keys/key-scope";
import { asStatus } from "@/lib/credentials/status";
import type { Db } from "@/lib/db/client";
import { splitScopes } from "@/lib/guides/scopes";
import type { ApiCredential } from "./api-schemas";

/** GET /api/v1/credentials: the key's workspace's credentials, never a secret. */
export async function listApiCredentials(
  db: Db,
  caller: ApiCaller,
): Promise<{ credentials: ApiCredential[] }> {
  const rows = await db.credential.findMany({
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
  return {
    credentials: rows.map((row) => ({
      id: row.id,
      name: row.name,
      // The column holds only these (checked where a credential is created, lib/credentials/schemas.ts).
      method: row.method as ApiCredential["method"],
      status: asStatus(row.status),
      scopes: splitScopes(row.grantedScopes),
      zoom_user: { id: row.zoomUserId, email: row.zoomEmail, account_id: row.zoomAccountId },
      token_expires_at: row.accessTokenExpiresAt?.toISOString() ?? null,
      last_refreshed_at: row.lastRefreshedAt?.toISOString() ?? null,
    })),
  };
}
