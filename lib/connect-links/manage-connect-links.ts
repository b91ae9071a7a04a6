import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { newInviteToken } from "@/lib/members/invite-token";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";

export const DEFAULT_LINK_DAYS = 7;

const actorOf = (ctx: WorkspaceContext) => ({ userId: ctx.user.id, label: ctx.user.name });

export const connectLinkUrl = (token: string) => `${getEnv().appUrl}/connect/${token}`;

/**
 * A link for someone without an account to connect their Zoom user through
 * a shared app. The raw token is returned once (for the URL); the new
 * connection will belong to `ownerId`, a member of the workspace.
 */
export async function createConnectLink(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; note: string; ownerId: string; days: number },
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  const app = await db.zoomApp.findFirst({
    where: { id: input.zoomAppId, workspaceId: ctx.workspace.id },
    select: { id: true, name: true, kind: true, shared: true },
  });
  if (!app) throw new AppError("not_found", "That Zoom app does not exist, or you do not have access to it.");
  if (app.kind !== "oauth" || !app.shared)
    throw new AppError(
      "invalid_input",
      "Share the app with the workspace first: links work through shared apps.",
    );
  if (!(await zoomAppKeys(db, ctx.workspace.id, app.id)))
    throw new AppError(
      "invalid_input",
      "Finish the app’s setup first: it has no Client ID and Client Secret yet.",
    );
  const owner = await db.membership.findFirst({
    where: { workspaceId: ctx.workspace.id, userId: input.ownerId },
    select: { user: { select: { name: true } } },
  });
  if (!owner)
    throw new AppError("invalid_input", "Please check the highlighted fields.", {
      ownerId: "Choose a member of this workspace.",
    });
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + input.days * 24 * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    const link = await tx.connectLink.create({
      data: {
        workspaceId: ctx.workspace.id,
        zoomAppId: app.id,
        tokenHash,
        note: input.note,
        ownerId: input.ownerId,
        createdById: ctx.user.id,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "connect_link.created",
      actor: actorOf(ctx),
      targetUserId: input.ownerId,
      details: {
        linkId: link.id,
        zoomApp: app.name,
        note: input.note || null,
        expiresAt: expiresAt.toISOString(),
      },
    });
  });
  return { url: connectLinkUrl(token), expiresAt };
}

/** The links of one app, newest first, with what became of each. */
export async function listConnectLinks(db: Db, workspaceId: string, zoomAppId: string, now = new Date()) {
  if (!workspaceId || !zoomAppId) return [];
  const links = await db.connectLink.findMany({
    where: { workspaceId, zoomAppId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      note: true,
      ownerId: true,
      createdById: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
    },
  });
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(links.flatMap((l) => [l.ownerId, l.createdById]))] } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "—";
  return links.map((link) => ({
    ...link,
    ownerName: nameOf(link.ownerId),
    createdByName: nameOf(link.createdById),
    state: link.usedAt
      ? ("used" as const)
      : link.revokedAt
        ? ("revoked" as const)
        : link.expiresAt <= now
          ? ("expired" as const)
          : ("open" as const),
  }));
}

/** Revoking an open link: it stops working at once. A used one has nothing left to revoke. */
export async function revokeConnectLink(db: Db, ctx: WorkspaceContext, input: { linkId: string }) {
  await db.$transaction(async (tx) => {
    const result = await tx.connectLink.updateMany({
      where: { id: input.linkId, workspaceId: ctx.workspace.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count !== 1)
      throw new AppError("not_found", "That link is already used or revoked, or does not exist.");
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "connect_link.revoked",
      actor: actorOf(ctx),
      details: { linkId: input.linkId },
    });
  });
}
