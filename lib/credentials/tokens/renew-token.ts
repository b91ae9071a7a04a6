import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { zoomAppKeys, type ZoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { getServerToServerToken } from "@/lib/zoom/get-server-to-server-token";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { revokeToken } from "@/lib/zoom/revoke-token";
import type { ZoomTokenSet } from "@/lib/zoom/token-set";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { usableToken, type AccessToken, type TokenRow } from "./read-token";
import { TokenUnavailableError } from "./token-errors";
import { credentialErrorFrom } from "../record-credential-error";
import { markConnected, markNeedsReconnect, markRetrying } from "../transitions";

const SYSTEM = { system: true as const, label: "Token keeper" };

/** Back-off after temporary failures: 5 s, 10 s, 20 s … up to 10 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 10 * 60_000);
}

const noKeys = () =>
  new TokenUnavailableError("reconnect_required", "This credential has no stored keys. Connect it again.");

/**
 * The keys are read from the credential's Zoom app at each renewal, so a
 * secret replaced on the app is used by every one of its connections at once.
 */
function callZoom(row: TokenRow, keys: ZoomAppKeys | null): Promise<ZoomTokenSet> {
  if (!keys) throw noKeys();
  const client = { clientId: keys.clientId, clientSecret: keys.clientSecret };
  if (row.method === "s2s") return getServerToServerToken({ ...client, accountId: keys.accountId ?? "" });
  if (!row.refreshTokenEnc) throw noKeys();
  return refreshTokens({
    ...client,
    refreshToken: decrypt(row.refreshTokenEnc, credentialSecretContext(row.id, "refreshTokenEnc")),
  });
}

/**
 * Renews a credential's token while holding its lease. The new token set is
 * written in the same update that releases the lease, before anyone can use
 * it. A refusal from Zoom (invalid_grant…) marks the credential "Needs
 * reconnect" — unless another writer changed the row meanwhile, in which case
 * the refusal was about a token that is no longer ours to worry about.
 * Temporary failures change nothing stored but the error note and back-off.
 */
export async function renewUnderLease(
  db: Db,
  row: TokenRow,
  owner: string,
  now = new Date(),
): Promise<AccessToken | "retry"> {
  const keys = await zoomAppKeys(db, row.workspaceId, row.zoomAppId);
  let tokens: ZoomTokenSet;
  try {
    tokens = await callZoom(row, keys);
  } catch (error) {
    if (!isZoomError(error)) throw error;
    const entry = error.entry;
    if (entry.kind === "needs_person") {
      const marked = await markNeedsReconnect(
        db,
        { id: row.id, version: row.version },
        { error: credentialErrorFrom(entry), now },
      );
      if (marked === 0) return "retry";
      await recordAuditEvent(db, {
        workspaceId: row.workspaceId,
        action: "credential.refresh_failed",
        actor: SYSTEM,
        credentialId: row.id,
        details: { reason: entry.id, code: entry.zoomCode },
      });
      throw new TokenUnavailableError("reconnect_required", entry.message);
    }
    const failures = row.failureCount + 1;
    const nextAttemptAt = new Date(
      now.getTime() + Math.max(backoffMs(failures), (entry.retryAfterSeconds ?? 0) * 1000),
    );
    await markRetrying(
      db,
      { id: row.id, leaseOwner: owner },
      {
        error: { ...credentialErrorFrom(entry), message: `Zoom unreachable, retrying. ${entry.message}` },
        failures,
        nextAttemptAt,
        now,
      },
    );
    if (failures === 1)
      await recordAuditEvent(db, {
        workspaceId: row.workspaceId,
        action: "credential.refresh_failed",
        actor: SYSTEM,
        credentialId: row.id,
        details: { reason: entry.id, code: entry.zoomCode, temporary: true },
      });
    // Zoom is away: the stored token still serves while it lasts.
    const current = usableToken(row, 0, now);
    if (current) return current;
    throw new TokenUnavailableError(
      "zoom_unavailable",
      "Zoom cannot be reached right now. The app keeps retrying.",
      Math.ceil((nextAttemptAt.getTime() - now.getTime()) / 1000),
    );
  }

  const recovered = row.status === "error";
  // Zoom has already rotated: these tokens are the only live ones, so they are
  // written whoever holds the lease now — unless a person disconnected,
  // reconnected or deleted the credential meanwhile (each bumps the version):
  // then the new set belongs to nobody and is revoked, and the caller re-reads.
  const written = await markConnected(
    db,
    { id: row.id, version: row.version },
    {
      now,
      tokens: {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? undefined,
        expiresAt: tokens.expiresAt,
        scopes: tokens.scopes.length ? tokens.scopes : undefined,
        apiUrl: tokens.apiUrl ?? undefined,
      },
    },
  );
  if (written === 0) {
    if (keys)
      await revokeToken({
        clientId: keys.clientId,
        clientSecret: keys.clientSecret,
        token: tokens.refreshToken ?? tokens.accessToken,
        flow: row.method === "s2s" ? "s2s" : "oauth",
      }).catch(() => undefined);
    return "retry";
  }
  await recordAuditEvent(db, {
    workspaceId: row.workspaceId,
    action: "credential.refreshed",
    actor: SYSTEM,
    credentialId: row.id,
    details: recovered ? { recovered: true } : {},
  });
  return {
    version: row.version + 1,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    apiUrl: tokens.apiUrl ?? row.apiUrl,
    scopes: tokens.scopes.length ? tokens.scopes : row.grantedScopes.split(" ").filter(Boolean),
    zoomUser: { id: row.zoomUserId, email: row.zoomEmail, accountId: row.zoomAccountId },
  };
}
