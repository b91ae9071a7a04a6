import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { decrypt, encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { getServerToServerToken } from "@/lib/zoom/get-server-to-server-token";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { revokeToken } from "@/lib/zoom/revoke-token";
import type { ZoomTokenSet } from "@/lib/zoom/token-set";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { usableToken, type AccessToken, type TokenRow } from "./read-token";
import { TokenUnavailableError } from "./token-errors";
import { healthyState } from "../healthy-state";
import { errorFields } from "../record-credential-error";
import { refreshTokenExpiry } from "./refresh-token-expiry";

const SYSTEM = { system: true as const, label: "Token keeper" };

/** Back-off after temporary failures: 5 s, 10 s, 20 s … up to 10 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 10 * 60_000);
}

function callZoom(row: TokenRow): Promise<ZoomTokenSet> {
  const secret = (column: "clientSecretEnc" | "refreshTokenEnc") => {
    const value = row[column];
    if (!value)
      throw new TokenUnavailableError(
        "reconnect_required",
        "This credential has no stored keys. Connect it again.",
      );
    return decrypt(value, credentialSecretContext(row.id, column));
  };
  const client = { clientId: row.clientId ?? "", clientSecret: secret("clientSecretEnc") };
  if (row.method === "s2s") return getServerToServerToken({ ...client, accountId: row.accountId ?? "" });
  return refreshTokens({ ...client, refreshToken: secret("refreshTokenEnc") });
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
  let tokens: ZoomTokenSet;
  try {
    tokens = await callZoom(row);
  } catch (error) {
    if (!isZoomError(error)) throw error;
    const entry = error.entry;
    const release = { refreshLeaseOwner: null, refreshLeaseUntil: null };
    if (entry.kind === "needs_person") {
      const marked = await db.credential.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...release, status: "needs_reconnect", ...errorFields(entry, now), nextAttemptAt: null },
      });
      if (marked.count === 0) return "retry";
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
    await db.credential.updateMany({
      where: { id: row.id, refreshLeaseOwner: owner },
      data: {
        ...release,
        status: "error",
        failureCount: failures,
        nextAttemptAt,
        ...errorFields(entry, now, `Zoom unreachable, retrying. ${entry.message}`),
      },
    });
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
  const written = await db.credential.updateMany({
    where: { id: row.id, version: row.version },
    data: {
      accessTokenEnc: encrypt(tokens.accessToken, credentialSecretContext(row.id, "accessTokenEnc")),
      ...(tokens.refreshToken
        ? {
            refreshTokenEnc: encrypt(tokens.refreshToken, credentialSecretContext(row.id, "refreshTokenEnc")),
            refreshTokenExpiresAt: refreshTokenExpiry(tokens.refreshToken),
          }
        : {}),
      accessTokenExpiresAt: tokens.expiresAt,
      ...(tokens.scopes.length ? { grantedScopes: tokens.scopes.join(" ") } : {}),
      ...(tokens.apiUrl ? { apiUrl: tokens.apiUrl } : {}),
      status: "connected",
      lastRefreshedAt: now,
      ...healthyState(),
    },
  });
  if (written.count === 0) {
    const clientSecret = row.clientSecretEnc
      ? decrypt(row.clientSecretEnc, credentialSecretContext(row.id, "clientSecretEnc"))
      : "";
    await revokeToken({
      clientId: row.clientId ?? "",
      clientSecret,
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
