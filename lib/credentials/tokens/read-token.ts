import type { Db } from "@/lib/db/client";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";

export const tokenSelect = {
  id: true,
  workspaceId: true,
  method: true,
  status: true,
  version: true,
  zoomAppId: true,
  accessTokenEnc: true,
  refreshTokenEnc: true,
  accessTokenExpiresAt: true,
  grantedScopes: true,
  apiUrl: true,
  zoomUserId: true,
  zoomEmail: true,
  zoomAccountId: true,
  failureCount: true,
  nextAttemptAt: true,
  lastErrorCode: true,
  refreshLeaseOwner: true,
  refreshLeaseUntil: true,
} as const;

export async function readTokenRow(db: Db, credentialId: string) {
  return db.credential.findUnique({ where: { id: credentialId }, select: tokenSelect });
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof readTokenRow>>>;

/** `version`: the row's version this token belongs to, for writes that must not outlive it. */
export type AccessToken = {
  version: number;
  accessToken: string;
  expiresAt: Date;
  apiUrl: string | null;
  scopes: string[];
  zoomUser: { id: string | null; email: string | null; accountId: string | null };
};

/** The stored access token when it is valid for at least `minValidityMs` more. */
export function usableToken(row: TokenRow, minValidityMs: number, now = new Date()): AccessToken | null {
  if (!row.accessTokenEnc || !row.accessTokenExpiresAt) return null;
  if (row.accessTokenExpiresAt.getTime() - now.getTime() < minValidityMs) return null;
  return {
    version: row.version,
    accessToken: decrypt(row.accessTokenEnc, credentialSecretContext(row.id, "accessTokenEnc")),
    expiresAt: row.accessTokenExpiresAt,
    apiUrl: row.apiUrl,
    scopes: row.grantedScopes.split(" ").filter(Boolean),
    zoomUser: { id: row.zoomUserId, email: row.zoomEmail, accountId: row.zoomAccountId },
  };
}
