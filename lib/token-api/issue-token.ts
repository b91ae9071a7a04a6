import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { getAccessToken, MIN_VALIDITY_MS } from "@/lib/credentials/tokens/get-access-token";
import { readTokenRow, usableToken } from "@/lib/credentials/tokens/read-token";

export type IssuedToken = {
  access_token: string;
  token_type: "bearer";
  expires_at: string;
  api_url: string;
  scopes: string[];
  zoom_user: { id: string | null; email: string | null; account_id: string | null };
};

// One audit line per key and credential every few minutes: the log says who
// fetches tokens without drowning in one line per request.
const AUDIT_EVERY_MS = 5 * 60_000;
const lastAudited = new Map<string, number>();

/**
 * A token for a node, with at least five minutes left (renewed if needed).
 * The credential must belong to the key's workspace; `null` means "not found".
 */
export async function issueToken(
  db: Db,
  caller: ApiCaller,
  credentialId: string,
  now = new Date(),
): Promise<IssuedToken | null> {
  // The hot path is one read: the row, checked against the key's workspace,
  // whose stored token usually has plenty of life left.
  const credential = await readTokenRow(db, credentialId);
  if (!credential || credential.workspaceId !== caller.workspaceId) return null;
  const cached =
    credential.status === "connected" || credential.status === "expiring_soon"
      ? usableToken(credential, MIN_VALIDITY_MS, now)
      : null;
  const token = cached ?? (await getAccessToken(db, credential.id));

  const auditKey = `${caller.apiKeyId}:${credential.id}`;
  if (now.getTime() - (lastAudited.get(auditKey) ?? 0) > AUDIT_EVERY_MS) {
    lastAudited.set(auditKey, now.getTime());
    await Promise.all([
      db.credential.update({ where: { id: credential.id }, data: { lastUsedAt: now } }),
      recordAuditEvent(db, {
        workspaceId: caller.workspaceId,
        action: "credential.token_fetched",
        actor: { apiKeyId: caller.apiKeyId, label: `API key “${caller.name}” (${caller.prefix})` },
        credentialId: credential.id,
      }),
    ]);
  }
  return {
    access_token: token.accessToken,
    token_type: "bearer",
    expires_at: token.expiresAt.toISOString(),
    // Zoom's api_url names the account's region; api.zoom.us works for everyone.
    api_url: token.apiUrl ?? "https://api.zoom.us",
    scopes: token.scopes,
    zoom_user: { id: token.zoomUser.id, email: token.zoomUser.email, account_id: token.zoomUser.accountId },
  };
}
