import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStep } from "@/lib/guides/progress";
import { progressAfter } from "@/lib/wizard/progress-writer";
import { splitScopes } from "@/lib/guides/scopes";
import { activeClientId, sameClientIdWhere } from "@/lib/zoom-apps/find-zoom-app";
import { markConnected, markNeedsReconnect } from "./transitions";
import { forgetServedCredential } from "@/lib/token-api/serving";

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
 * the newest authorization of a user and app, so any other credential — in
 * this workspace or another — holding the same Zoom user with the same app is
 * dead from now on: it is marked "Needs reconnect" with the reason, not left
 * to fail later.
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
  // After the commit: tokens served from memory (here and for replaced connections) must go.
  return db
    .$transaction(async (tx) => {
      const credential = await tx.credential.findFirst({
        where: { id: input.credentialId, workspaceId: input.workspaceId },
        select: {
          id: true,
          name: true,
          zoomUserId: true,
          wizardStep: true,
          zoomApp: { select: { activePair: true, developmentClientId: true, productionClientId: true } },
        },
      });
      if (!credential) throw new AppError("not_found", "That credential no longer exists.");
      await markConnected(
        tx,
        { id: credential.id },
        {
          now,
          tokens: {
            accessToken: connection.accessToken,
            refreshToken: connection.refreshToken,
            expiresAt: connection.expiresAt,
            scopes: connection.scopes,
            apiUrl: connection.apiUrl,
          },
          zoomUser: connection.zoomUser,
          wizardStep: progressAfter(
            { guide: oauthGuide, progress: credential.wizardStep },
            formStep(oauthGuide, "connect").key,
          ),
          tested: true,
          authorized: true,
        },
      );

      // Zoom's rule holds across the whole app, not per workspace: the same Zoom
      // user and app connected in another workspace dies at Zoom just the same.
      const clientId = credential.zoomApp ? activeClientId(credential.zoomApp) : null;
      const replaced = clientId
        ? await tx.credential.findMany({
            where: {
              id: { not: credential.id },
              zoomApp: sameClientIdWhere(clientId),
              zoomUserId: connection.zoomUser.id,
              status: { in: ["connected", "expiring_soon", "error"] },
            },
            select: { id: true, name: true, workspaceId: true },
          })
        : [];
      for (const other of replaced) {
        // Another workspace learns that it happened, never where or under which name.
        const where =
          other.workspaceId === input.workspaceId ? `in “${credential.name}”` : "elsewhere in this app";
        await markNeedsReconnect(
          tx,
          { id: other.id },
          {
            now,
            error: {
              code: "4741",
              message: `Zoom stopped this connection because ${connection.zoomUser.email} connected the same Zoom app again ${where}. Zoom keeps only the newest one. Reconnect here if you need both (each needs its own Zoom app).`,
            },
          },
        );
      }
      const replacedHere = replaced.filter((other) => other.workspaceId === input.workspaceId);

      await recordAuditEvent(tx, {
        workspaceId: input.workspaceId,
        action: credential.zoomUserId ? "credential.reconnected" : "credential.connected",
        actor: input.actor,
        credentialId: credential.id,
        details: {
          zoomUser: connection.zoomUser.email,
          scopes: connection.scopes.join(" "),
          replaced: replacedHere.map((r) => r.name).join(", ") || null,
        },
      });
      return { replacedCredentialNames: replacedHere.map((r) => r.name) };
    })
    .finally(() => forgetServedCredential());
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
