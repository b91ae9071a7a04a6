import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { formStepLabel } from "@/lib/guides/progress";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { getServerToServerToken } from "@/lib/zoom/get-server-to-server-token";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { findCredential } from "./find-credential";
import { credentialErrorFrom, recordCredentialError } from "./record-credential-error";
import { markConnected } from "./transitions";
import { requireStepOfKind } from "@/lib/wizard/gate";
import { progressAfter } from "@/lib/wizard/progress-writer";
import { credentialSubject } from "./wizard-progress";

export type ConnectResult = { ok: true } | { ok: false; message: string; fixStep: string | null };

/**
 * Server-to-Server "Connect": an `account_credentials` token, then
 * GET /users/me to learn who it acts as. The token is stored (encrypted) and
 * reused until a few minutes before it expires — never one per request.
 */
export async function connectServerToServer(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  now = new Date(),
): Promise<ConnectResult> {
  const credential = await findCredential(db, ctx, credentialId);
  if (credential.method !== "s2s")
    throw new AppError("invalid_input", "This credential does not use Server-to-Server OAuth.");
  const subject = credentialSubject(s2sGuide, credential);
  const step = requireStepOfKind(subject, "s2s-connect");
  const keys = await zoomAppKeys(db, ctx.workspace.id, credential.zoomAppId);
  if (!keys)
    throw new AppError(
      "invalid_input",
      `Paste the Account ID, Client ID and Client Secret on ${formStepLabel(s2sGuide, "s2s-credentials")} first.`,
    );
  try {
    const tokens = await getServerToServerToken({
      accountId: keys.accountId ?? "",
      clientId: keys.clientId,
      clientSecret: keys.clientSecret,
    });
    const user = await getCurrentUser({ accessToken: tokens.accessToken, flow: "s2s" });
    await db.$transaction(async (tx) => {
      await markConnected(
        tx,
        { id: credential.id },
        {
          now,
          tokens: {
            accessToken: tokens.accessToken,
            refreshToken: null,
            expiresAt: tokens.expiresAt,
            scopes: tokens.scopes,
            apiUrl: tokens.apiUrl,
          },
          zoomUser: {
            id: user.id,
            email: user.email,
            name: user.displayName || `${user.firstName} ${user.lastName}`.trim(),
            accountId: user.accountId,
          },
          wizardStep: progressAfter(subject, step.key),
          tested: true,
        },
      );
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: credential.zoomUserId ? "credential.reconnected" : "credential.connected",
        actor: { userId: ctx.user.id, label: ctx.user.name },
        credentialId: credential.id,
        details: { zoomUser: user.email, method: "s2s" },
      });
    });
    return { ok: true };
  } catch (error) {
    if (!isZoomError(error)) throw error;
    await recordCredentialError(db, credential.id, credentialErrorFrom(error.entry), now);
    return { ok: false, message: error.entry.message, fixStep: error.entry.wizardStep };
  }
}
