import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { revokeToken } from "@/lib/zoom/revoke-token";
import { flowOfMethod } from "@/lib/zoom/error-catalogue";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { assertMayReplaceAppSecret } from "@/lib/zoom-apps/app-permissions";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { releaseZoomApp } from "@/lib/zoom-apps/manage-zoom-app";
import { replaceAppSecret } from "@/lib/zoom-apps/replace-app-secret";
import { findCredential, type CredentialRecord } from "./find-credential";
import type { RemoveMode } from "./revoke-wording";
import { isLive } from "./status";
import { leaseOwnerId, takeLeaseWaiting, whileLeased } from "./tokens/refresh-lease";
import { markRevoked } from "./transitions";
import { forgetServedCredential } from "@/lib/token-api/serving";
import { emptyQueuedNow, findN8nLink, type N8nEmptied } from "@/lib/n8n/empty-on-remove";
import { queueEmptyPush } from "@/lib/n8n/push-outbox";

const actorOf = (ctx: WorkspaceContext) => ({ userId: ctx.user.id, label: ctx.user.name });

export async function renameCredential(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; name: string },
): Promise<void> {
  const credential = await findCredential(db, ctx, input.credentialId);
  await db.$transaction(async (tx) => {
    await tx.credential.update({ where: { id: credential.id }, data: { name: input.name } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "credential.renamed",
      actor: actorOf(ctx),
      credentialId: credential.id,
      details: { from: credential.name, to: input.name },
    });
  });
}

/**
 * A new Client Secret (after "Regenerate" in Zoom) belongs to the Zoom app,
 * not to one connection: one write, and every connection of the app keeps
 * its tokens and renews with the new secret next time.
 */
export async function replaceClientSecret(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; clientSecret: string },
): Promise<{ appName: string; connections: number }> {
  const credential = await findCredential(db, ctx, input.credentialId);
  if (credential.method === "access_token")
    throw new AppError("invalid_input", "A pasted access token has no Client Secret.");
  const app = credential.zoomApp;
  if (!app)
    throw new AppError("invalid_input", "This credential has no Zoom app keys yet. Finish its setup first.");
  // The secret is the app's: every connection through it renews with it.
  assertMayReplaceAppSecret(ctx, app);
  const replaced = await replaceAppSecret(db, ctx, {
    zoomAppId: app.id,
    clientSecret: input.clientSecret,
    fromCredentialId: credential.id,
  });
  return { appName: replaced.name, connections: replaced.connections };
}

/**
 * Removes a credential's tokens holding its renewal lease, so no renewal can
 * rotate the set while it is revoked (or write one back afterwards): the set
 * revoked is the live one. Zoom is asked to revoke only when a person chose
 * it and the credential is live — a replaced, revoked or dead token's revoke
 * would still uninstall the app for the user and kill their live connection.
 */
async function removeTokens(
  db: Db,
  credential: CredentialRecord,
  mode: RemoveMode,
  finish: (revoked: RevokeResult) => Promise<void>,
): Promise<RevokeResult> {
  const owner = leaseOwnerId();
  if (!(await takeLeaseWaiting(db, credential.id, owner)))
    throw new AppError(
      "conflict",
      "A token renewal for this credential is still running. Nothing was changed; try again in a moment.",
    );
  return whileLeased(db, credential.id, owner, async () => {
    const result = await revokeAtZoom(db, credential, mode);
    await finish(result);
    return result;
  });
}

export type RevokeResult = { revokedAtZoom: boolean; warning: string | null; zoomEmail: string | null };

/** A connection used in n8n: whether n8n let go of its token (the empty push queued with the change). */
export type RemoveResult = RevokeResult & { n8n: N8nEmptied | null };

async function revokeAtZoom(db: Db, credential: CredentialRecord, mode: RemoveMode): Promise<RevokeResult> {
  // Read again under the lease: a renewal may have rotated the set, a reconnect replaced it.
  const row = await db.credential.findUniqueOrThrow({
    where: { id: credential.id },
    select: { status: true, zoomEmail: true, accessTokenEnc: true, refreshTokenEnc: true },
  });
  const skipped = { revokedAtZoom: false, warning: null, zoomEmail: row.zoomEmail };
  if (mode === "here_only" || credential.method === "access_token" || !isLive(row.status)) return skipped;
  const sealed = row.refreshTokenEnc ?? row.accessTokenEnc;
  const column = row.refreshTokenEnc ? "refreshTokenEnc" : "accessTokenEnc";
  const keys = await zoomAppKeys(db, credential.workspaceId, credential.zoomAppId);
  if (!sealed || !keys) return skipped;
  try {
    await revokeToken({
      clientId: keys.clientId,
      clientSecret: keys.clientSecret,
      token: decrypt(sealed, credentialSecretContext(credential.id, column)),
      flow: flowOfMethod(credential.method),
    });
    return { revokedAtZoom: true, warning: null, zoomEmail: row.zoomEmail };
  } catch (error) {
    if (!isZoomError(error)) throw error;
    return {
      revokedAtZoom: false,
      zoomEmail: row.zoomEmail,
      warning: `Zoom could not revoke the token (${error.entry.title}). It was deleted here anyway; to be sure, remove the app’s access in Zoom as well.`,
    };
  }
}

/** Disconnect: revoke at Zoom (when chosen and live), delete the stored tokens, keep the credential (status Revoked) and an audit record. */
export async function disconnectCredential(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  mode: RemoveMode = "revoke",
): Promise<RemoveResult> {
  const credential = await findCredential(db, ctx, credentialId);
  const link = await findN8nLink(db, credential.id);
  const result = await removeTokens(db, credential, mode, async ({ revokedAtZoom }) => {
    await db.$transaction(async (tx) => {
      // Also queues emptying the token in n8n, in this transaction (transitions.ts).
      await markRevoked(tx, { id: credential.id });
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.disconnected",
        actor: actorOf(ctx),
        credentialId: credential.id,
        details: { revokedAtZoom, ...(mode === "here_only" ? { removedHereOnly: true } : {}) },
      });
    });
    forgetServedCredential(credential.id);
  });
  return { ...result, n8n: link && (await emptyQueuedNow(db, link)) };
}

/** Delete: revoke at Zoom (when chosen and live), then remove the credential; the audit log keeps the record. */
export async function deleteCredential(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  mode: RemoveMode = "revoke",
): Promise<RemoveResult> {
  const credential = await findCredential(db, ctx, credentialId);
  const link = await findN8nLink(db, credential.id);
  const result = await removeTokens(db, credential, mode, async ({ revokedAtZoom }) => {
    await db.$transaction(async (tx) => {
      // The push outlives the link, which goes with the credential.
      await queueEmptyPush(tx, credential.id, { change: "deleted", now: new Date() });
      await tx.credential.delete({ where: { id: credential.id } });
      await releaseZoomApp(tx, { workspaceId: ctx.workspace.id, zoomAppId: credential.zoomAppId });
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.deleted",
        actor: actorOf(ctx),
        credentialId: credential.id,
        details: {
          name: credential.name,
          method: credential.method,
          revokedAtZoom,
          ...(mode === "here_only" ? { removedHereOnly: true } : {}),
        },
      });
    });
    forgetServedCredential(credential.id);
  });
  return { ...result, n8n: link && (await emptyQueuedNow(db, link)) };
}
