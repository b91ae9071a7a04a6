import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStep, furthest } from "@/lib/guides/progress";
import { splitScopes } from "@/lib/guides/scopes";
import { healthyState } from "./healthy-state";
import { refreshTokenExpiry } from "./tokens/refresh-token-expiry";

export type OAuthConnection = {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
  apiUrl: string | null;
  zoomUser: { id: string; email: string; name: string; accountId: string };
};

/**
 * Stores a finished handshake on its credential: the token set encrypted,
 * the Zoom identity, the granted scopes, and an audit event. Zoom keeps only
 * the newest authorization of a user and app, so another credential of this
 * workspace holding the same Zoom user with the same app is dead from now on:
 * it is marked "Needs reconnect" with the reason, not left to fail later.
 */
export async function storeOAuthConnection(
  db: Db,
  input: {
    credentialId: string;
    workspaceId: string;
    actor: { userId: string; label: string };
    connection: OAuthConnection;
  },
  now = new Date(),
): Promise<{ replacedCredentialNames: string[] }> {
  const { connection } = input;
  return db.$transaction(async (tx) => {
    const credential = await tx.credential.findFirst({
      where: { id: input.credentialId, workspaceId: input.workspaceId },
      select: { id: true, name: true, clientId: true, zoomUserId: true, wizardStep: true },
    });
    if (!credential) throw new AppError("not_found", "That credential no longer exists.");
    const context = (column: "accessTokenEnc" | "refreshTokenEnc") =>
      credentialSecretContext(credential.id, column);
    await tx.credential.update({
      where: { id: credential.id },
      data: {
        status: "connected",
        accessTokenEnc: encrypt(connection.accessToken, context("accessTokenEnc")),
        refreshTokenEnc: connection.refreshToken
          ? encrypt(connection.refreshToken, context("refreshTokenEnc"))
          : null,
        accessTokenExpiresAt: connection.expiresAt,
        refreshTokenExpiresAt: refreshTokenExpiry(connection.refreshToken),
        grantedScopes: connection.scopes.join(" "),
        apiUrl: connection.apiUrl,
        zoomUserId: connection.zoomUser.id,
        zoomEmail: connection.zoomUser.email,
        zoomName: connection.zoomUser.name,
        zoomAccountId: connection.zoomUser.accountId,
        wizardStep: furthest(oauthGuide, credential.wizardStep, formStep(oauthGuide, "connect").key),
        lastRefreshedAt: now,
        lastTestedAt: now,
        ...healthyState(),
      },
    });

    const replaced = await tx.credential.findMany({
      where: {
        workspaceId: input.workspaceId,
        id: { not: credential.id },
        clientId: credential.clientId,
        zoomUserId: connection.zoomUser.id,
        status: { in: ["connected", "expiring_soon", "error"] },
      },
      select: { id: true, name: true },
    });
    for (const other of replaced) {
      await tx.credential.update({
        where: { id: other.id },
        data: {
          status: "needs_reconnect",
          lastErrorCode: "4741",
          lastErrorMessage: `Zoom stopped this connection because ${connection.zoomUser.email} connected the same Zoom app again in “${credential.name}”. Zoom keeps only the newest one. Reconnect here if you need both (each needs its own Zoom app).`,
          lastErrorAt: now,
        },
      });
    }

    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      action: credential.zoomUserId ? "credential.reconnected" : "credential.connected",
      actor: input.actor,
      credentialId: credential.id,
      details: {
        zoomUser: connection.zoomUser.email,
        scopes: connection.scopes.join(" "),
        replaced: replaced.map((r) => r.name).join(", ") || null,
      },
    });
    return { replacedCredentialNames: replaced.map((r) => r.name) };
  });
}

export function connectionFromNextAuth(
  account: Record<string, unknown>,
  profile: Record<string, unknown>,
): OAuthConnection {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const expiresAt =
    typeof account.expires_at === "number"
      ? new Date(account.expires_at * 1000)
      : new Date(Date.now() + 3599_000);
  const name =
    [text(profile.first_name), text(profile.last_name)].filter(Boolean).join(" ") ||
    text(profile.display_name) ||
    text(profile.email);
  return {
    accessToken: text(account.access_token),
    refreshToken: text(account.refresh_token) || null,
    expiresAt,
    scopes: splitScopes(text(account.scope)),
    apiUrl: text(account.api_url) || null,
    zoomUser: {
      id: text(profile.id),
      email: text(profile.email).toLowerCase(),
      name,
      accountId: text(profile.account_id),
    },
  };
}
