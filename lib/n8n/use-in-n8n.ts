import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { findCredential } from "@/lib/credentials/find-credential";
import { isLive } from "@/lib/credentials/status";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { AppError } from "@/lib/errors/app-error";
import {
  createZoomCredential,
  n8nCredentialName,
  readCredential,
  replaceZoomCredentialData,
  ZOOM_CREDENTIAL_TYPE,
  type N8nTargetKeys,
} from "./n8n-api";
import { findN8nTarget, n8nTargetKeys } from "./n8n-target";
import { queueEmptyPush, queueTokenPush } from "./push-outbox";
import { pushNow, REPUSH_EVERY_MS } from "./push-round";

const actor = (ctx: WorkspaceContext) => ({ userId: ctx.user.id, label: ctx.user.name });

async function targetOf(db: Db, workspaceId: string): Promise<{ id: string; keys: N8nTargetKeys }> {
  const target = await findN8nTarget(db, workspaceId);
  const keys = target && (await n8nTargetKeys(db, target.id));
  if (!target || !keys)
    throw new AppError(
      "conflict",
      "No n8n is set up for this workspace yet. An admin adds it under n8n in the menu.",
    );
  return { id: target.id, keys };
}

/**
 * "Use in n8n": gives n8n a zoomOAuth2Api credential holding this
 * connection's access token — a new one named after the connection, or an
 * existing one by its id — and from then on every renewal pushes the new
 * token (push-outbox.ts). n8n never gets the refresh token: it would renew on
 * its own, Zoom would rotate, and one side's token would die.
 */
export async function startUsingInN8n(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; n8nCredentialId?: string },
  now = new Date(),
): Promise<{ n8nCredentialId: string; n8nCredentialName: string; words: string }> {
  const credential = await findCredential(db, ctx, input.credentialId);
  if (credential.method !== "oauth" && credential.method !== "s2s")
    throw new AppError(
      "invalid_input",
      "Only OAuth and Server-to-Server connections can be used in n8n: a pasted token cannot be renewed.",
    );
  if (!isLive(credential.status))
    throw new AppError("conflict", "Connect this credential first: n8n needs a working token.");
  if (await db.n8nLink.findUnique({ where: { credentialId: credential.id }, select: { id: true } }))
    throw new AppError("conflict", "This connection is already used in n8n.");
  const target = await targetOf(db, ctx.workspace.id);
  const token = await getAccessToken(db, credential.id).catch((error: unknown) => {
    if (error instanceof TokenUnavailableError) throw new AppError("conflict", error.userMessage);
    throw error;
  });
  const data = {
    access_token: token.accessToken,
    token_type: "Bearer" as const,
    expires_in: Math.max(0, Math.floor((token.expiresAt.getTime() - now.getTime()) / 1000)),
  };

  let n8nCredential: { id: string; name: string; words: string };
  if (input.n8nCredentialId) {
    const existing = await readCredential(target.keys, input.n8nCredentialId);
    if (!existing.ok)
      throw new AppError("invalid_input", existing.words, { n8nCredentialId: existing.words });
    if (existing.type !== ZOOM_CREDENTIAL_TYPE) {
      const words = `That n8n credential is a “${existing.type ?? "unknown"}”, not a Zoom OAuth2 API credential (${ZOOM_CREDENTIAL_TYPE}). Pick a Zoom one, or leave the id empty to create one.`;
      throw new AppError("invalid_input", words, { n8nCredentialId: words });
    }
    const pushed = await replaceZoomCredentialData(target.keys, {
      n8nCredentialId: input.n8nCredentialId,
      token: data,
    });
    if (!pushed.ok) throw new AppError("conflict", pushed.words);
    n8nCredential = {
      id: input.n8nCredentialId,
      name: existing.name ?? input.n8nCredentialId,
      words: pushed.words,
    };
  } else {
    const created = await createZoomCredential(target.keys, { name: credential.name, token: data });
    if (!created.ok || !created.id) throw new AppError("conflict", created.words);
    n8nCredential = { id: created.id, name: n8nCredentialName(credential.name), words: created.words };
  }

  try {
    await db.$transaction(async (tx) => {
      await tx.n8nLink.create({
        data: {
          workspaceId: ctx.workspace.id,
          credentialId: credential.id,
          targetId: target.id,
          n8nCredentialId: n8nCredential.id,
          n8nCredentialName: n8nCredential.name,
          pushedVersion: token.version,
          lastPushAt: now,
          lastPushOk: true,
          lastAnswer: n8nCredential.words,
          repushDueAt: new Date(now.getTime() + REPUSH_EVERY_MS),
          createdById: ctx.user.id,
        },
      });
      // A renewal between our read and this link saw no link: push whatever is current now.
      await queueTokenPush(tx, credential.id, now);
      // The keeper decides again, now that n8n counts on this token (keeper-rules.ts).
      await tx.credential.update({ where: { id: credential.id }, data: { keeperDueAt: now } });
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.n8n_used",
        actor: actor(ctx),
        credentialId: credential.id,
        details: { n8nCredentialId: n8nCredential.id, created: !input.n8nCredentialId },
      });
    });
  } catch (error) {
    // Two presses at once: the other one links. Ours must not leave a live token behind in n8n.
    await replaceZoomCredentialData(target.keys, { n8nCredentialId: n8nCredential.id, token: null });
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("conflict", "This connection is already used in n8n.");
    throw error;
  }
  return {
    n8nCredentialId: n8nCredential.id,
    n8nCredentialName: n8nCredential.name,
    words: n8nCredential.words,
  };
}

/** "Stop using in n8n": empties the token in n8n and stops pushing; Zoom is not touched. */
export async function stopUsingInN8n(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  now = new Date(),
): Promise<{ n8nCredentialName: string; emptied: { ok: boolean; words: string } | null }> {
  const credential = await findCredential(db, ctx, credentialId);
  const link = await db.n8nLink.findUnique({
    where: { credentialId: credential.id },
    select: { id: true, n8nCredentialName: true, n8nCredentialId: true },
  });
  if (!link) throw new AppError("not_found", "This connection is not used in n8n.");
  const queued = await db.$transaction(async (tx) => {
    const push = await queueEmptyPush(tx, credential.id, { change: "stop", now });
    await tx.n8nLink.delete({ where: { id: link.id } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "credential.n8n_stopped",
      actor: actor(ctx),
      credentialId: credential.id,
      details: { n8nCredentialId: link.n8nCredentialId },
    });
    return push;
  });
  return { n8nCredentialName: link.n8nCredentialName, emptied: queued && (await pushNow(db, queued.pushId)) };
}
