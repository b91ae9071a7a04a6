import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { newApiKey } from "./api-key-format";
import { KEY_ACTIONS, parseKeyScope, storedKeyScope, type KeyScope } from "./key-scope";
import { forgetApiKey } from "./authenticate-api-key";

/** Creates a key; the raw key is returned once and never stored. */
export async function createApiKey(
  db: Db,
  ctx: WorkspaceContext,
  input: { name: string; scope?: KeyScope },
): Promise<{ key: string; prefix: string }> {
  const { key, prefix, keyHash } = newApiKey();
  // Keys made without limits may do everything, as keys made before limits existed.
  const scope = input.scope ?? { credentialIds: null, actions: [...KEY_ACTIONS] };
  await db.$transaction(async (tx) => {
    if (scope.credentialIds !== null) {
      const ids = [...new Set(scope.credentialIds)];
      const found = await tx.credential.count({ where: { workspaceId: ctx.workspace.id, id: { in: ids } } });
      if (ids.length === 0 || found !== ids.length)
        throw new AppError("invalid_input", "Choose credentials of this workspace from the list.", {
          credentialIds: "Choose credentials of this workspace from the list.",
        });
    }
    const created = await tx.apiKey.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: input.name,
        prefix,
        keyHash,
        createdById: ctx.user.id,
        ...storedKeyScope(scope),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "api_key.created",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: {
        name: input.name,
        prefix,
        keyId: created.id,
        may: storedKeyScope(scope).actions,
        connections: scope.credentialIds === null ? "all" : scope.credentialIds.length,
      },
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
  const limitedTo = [...new Set(keys.flatMap((k) => parseKeyScope(k).credentialIds ?? []))];
  const credentials = limitedTo.length
    ? await db.credential.findMany({
        where: { workspaceId, id: { in: limitedTo } },
        select: { id: true, name: true },
      })
    : [];
  const credentialNames = new Map(credentials.map((c) => [c.id, c.name]));
  const names = new Map(creators.map((c) => [c.id, c.name]));
  const roles = new Map(stillMembers.map((m) => [m.userId, m.role]));
  return keys.map((k) => ({
    ...k,
    creatorName: names.get(k.createdById) ?? "A former member",
    // A key outlives its maker's access: the page flags it so an admin can decide.
    creatorGone: !roles.has(k.createdById),
    scope: parseKeyScope(k),
    // A deleted connection stays in the key's list (the key cannot use it): named as gone.
    connectionNames:
      parseKeyScope(k).credentialIds?.map((id) => credentialNames.get(id) ?? "a deleted connection") ?? null,
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
