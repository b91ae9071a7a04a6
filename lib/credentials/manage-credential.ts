import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { decrypt, encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { revokeToken } from "@/lib/zoom/revoke-token";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { findCredential, type CredentialRecord } from "./find-credential";

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

/** A new Client Secret (after "Regenerate" in Zoom): tokens stay; the next renewal uses the new secret. */
export async function replaceClientSecret(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; clientSecret: string },
): Promise<void> {
  const credential = await findCredential(db, ctx, input.credentialId);
  if (credential.method === "access_token")
    throw new AppError("invalid_input", "A pasted access token has no Client Secret.");
  await db.$transaction(async (tx) => {
    await tx.credential.update({
      where: { id: credential.id },
      data: {
        clientSecretEnc: encrypt(
          input.clientSecret,
          credentialSecretContext(credential.id, "clientSecretEnc"),
        ),
      },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "credential.secret_replaced",
      actor: actorOf(ctx),
      credentialId: credential.id,
    });
  });
}

/**
 * Asks Zoom to revoke the stored token set. Returns a sentence when Zoom
 * could not do it, so the person knows to remove the app in Zoom as well.
 */
async function revokeAtZoom(db: Db, credential: CredentialRecord): Promise<string | null> {
  if (credential.method === "access_token") return null; // JWT-app tokens cannot be revoked by OAuth
  const row = await db.credential.findUniqueOrThrow({
    where: { id: credential.id },
    select: { clientSecretEnc: true, accessTokenEnc: true, refreshTokenEnc: true },
  });
  const sealed = row.refreshTokenEnc ?? row.accessTokenEnc;
  const column = row.refreshTokenEnc ? "refreshTokenEnc" : "accessTokenEnc";
  if (!sealed || !row.clientSecretEnc || !credential.clientId) return null;
  try {
    await revokeToken({
      clientId: credential.clientId,
      clientSecret: decrypt(row.clientSecretEnc, credentialSecretContext(credential.id, "clientSecretEnc")),
      token: decrypt(sealed, credentialSecretContext(credential.id, column)),
      flow: credential.method === "s2s" ? "s2s" : "oauth",
    });
    return null;
  } catch (error) {
    if (!isZoomError(error)) throw error;
    return `Zoom could not revoke the token (${error.entry.title}). It was deleted here anyway; to be sure, remove the app’s access in Zoom as well.`;
  }
}

/** Disconnect: revoke at Zoom, delete the stored tokens, keep the credential (status Revoked) and an audit record. */
export async function disconnectCredential(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<{ warning: string | null }> {
  const credential = await findCredential(db, ctx, credentialId);
  const warning = await revokeAtZoom(db, credential);
  await db.$transaction(async (tx) => {
    await tx.credential.update({
      where: { id: credential.id },
      data: {
        status: "revoked",
        accessTokenEnc: null,
        refreshTokenEnc: null,
        accessTokenExpiresAt: null,
        refreshLeaseOwner: null,
        refreshLeaseUntil: null,
        nextAttemptAt: null,
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "credential.disconnected",
      actor: actorOf(ctx),
      credentialId: credential.id,
      details: { revokedAtZoom: warning === null },
    });
  });
  return { warning };
}

/** Delete: revoke at Zoom when connected, then remove the credential; the audit log keeps the record. */
export async function deleteCredential(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<{ warning: string | null }> {
  const credential = await findCredential(db, ctx, credentialId);
  const warning = await revokeAtZoom(db, credential);
  await db.$transaction(async (tx) => {
    await tx.credential.delete({ where: { id: credential.id } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "credential.deleted",
      actor: actorOf(ctx),
      credentialId: credential.id,
      details: { name: credential.name, method: credential.method },
    });
  });
  return { warning };
}
