import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { newApiKey } from "./api-key-format";
import { forgetApiKey } from "./authenticate-api-key";

/** Creates a key; the raw key is returned once and never stored. */
export async function createApiKey(
  db: Db,
  ctx: WorkspaceContext,
  input: { name: string },
): Promise<{ key: string; prefix: string }> {
  const { key, prefix, keyHash } = newApiKey();
  await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { workspaceId: ctx.workspace.id, name: input.name, prefix, keyHash, createdById: ctx.user.id },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "api_key.created",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { name: input.name, prefix, keyId: created.id },
    });
  });
  return { key, prefix };
}

export async function listApiKeys(db: Db, workspaceId: string) {
  const keys = await db.apiKey.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const creatorIds = [...new Set(keys.map((k) => k.createdById))];
  const [creators, stillMembers] = await Promise.all([
    db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }),
    db.membership.findMany({
      where: { workspaceId, userId: { in: creatorIds } },
      select: { userId: true, role: true },
    }),
  ]);
  const names = new Map(creators.map((c) => [c.id, c.name]));
  const roles = new Map(stillMembers.map((m) => [m.userId, m.role]));
  return keys.map((k) => ({
    ...k,
    creatorName: names.get(k.createdById) ?? "A former member",
    // A key outlives its maker's access: the page flags it so an admin can decide.
    creatorGone: !roles.has(k.createdById),
  }));
}

export async function revokeApiKey(
  db: Db,
  ctx: WorkspaceContext,
  input: { apiKeyId: string },
): Promise<void> {
  await revokeInTransaction(db, ctx, input);
  // After the commit, so no request can re-cache the key as still valid.
  forgetApiKey(input.apiKeyId);
}

async function revokeInTransaction(
  db: Db,
  ctx: WorkspaceContext,
  input: { apiKeyId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: input.apiKeyId, workspaceId: ctx.workspace.id },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw new AppError("not_found", "That API key does not exist.");
    if (key.revokedAt) throw new AppError("conflict", "That API key was already revoked.");
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "api_key.revoked",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { name: key.name, prefix: key.prefix },
    });
  });
}
