import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { hasRole, roleSchema, type Role } from "@/lib/auth/roles";
import { forgetApiKey } from "@/lib/api-keys/authenticate-api-key";
import { serializeOn } from "@/lib/db/serialize";
import { AppError } from "@/lib/errors/app-error";
import { revokeLeftoverAccess } from "./revoke-access";

export async function listMembers(db: Db, workspaceId: string) {
  const [rows, keys] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    // Whoever loses access may leave live keys behind: the remove dialog offers to revoke them.
    db.apiKey.findMany({
      where: { workspaceId, revokedAt: null },
      select: { name: true, createdById: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return rows.map((row) => ({
    ...row,
    role: roleSchema.parse(row.role),
    apiKeyNames: keys.filter((key) => key.createdById === row.user.id).map((key) => key.name),
  }));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function loadTarget(tx: Tx, ctx: WorkspaceContext, membershipId: string) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId: ctx.workspace.id },
    include: { user: { select: { name: true } } },
  });
  if (!target) throw new AppError("not_found", "That person is no longer a member of this workspace.");
  const targetRole = roleSchema.parse(target.role);
  // Admins manage members and admins; only owners touch owners.
  if (targetRole === "owner" && !hasRole(ctx.role, "owner"))
    throw new AppError("forbidden", "Only an owner can change or remove another owner.");
  return { ...target, role: targetRole };
}

async function assertAnotherOwner(tx: Tx, workspaceId: string) {
  const owners = await tx.membership.count({ where: { workspaceId, role: "owner" } });
  if (owners <= 1)
    throw new AppError("conflict", "A workspace needs at least one owner. Make someone else an owner first.");
}

export async function changeMemberRole(
  db: Db,
  ctx: WorkspaceContext,
  input: { membershipId: string; role: Role; revokeApiKeys?: boolean },
): Promise<void> {
  if (input.role === "owner" && !hasRole(ctx.role, "owner"))
    throw new AppError("forbidden", "Only an owner can make someone an owner.");
  const revokedKeys = await db.$transaction(async (tx) => {
    // Two owners demoting each other at once must not both see the other left.
    await serializeOn(tx, `owners:${ctx.workspace.id}`);
    const target = await loadTarget(tx, ctx, input.membershipId);
    if (target.role === input.role) return [];
    if (target.role === "owner") await assertAnotherOwner(tx, ctx.workspace.id);
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    const revoked = await revokeLeftoverAccess(tx, ctx, {
      userId: target.userId,
      memberName: target.user.name,
      newRole: input.role,
      revokeApiKeys: input.revokeApiKeys ?? false,
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "member.role_changed",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      targetUserId: target.userId,
      details: { member: target.user.name, from: target.role, to: input.role },
    });
    return revoked;
  });
  // After the commit, so no request can re-cache a key as still valid.
  revokedKeys.forEach(forgetApiKey);
}

export async function removeMember(
  db: Db,
  ctx: WorkspaceContext,
  input: { membershipId: string; revokeApiKeys?: boolean },
): Promise<void> {
  const revokedKeys = await db.$transaction(async (tx) => {
    await serializeOn(tx, `owners:${ctx.workspace.id}`);
    const target = await loadTarget(tx, ctx, input.membershipId);
    if (target.role === "owner") await assertAnotherOwner(tx, ctx.workspace.id);
    await tx.membership.delete({ where: { id: target.id } });
    const revoked = await revokeLeftoverAccess(tx, ctx, {
      userId: target.userId,
      memberName: target.user.name,
      newRole: null,
      revokeApiKeys: input.revokeApiKeys ?? false,
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "member.removed",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      targetUserId: target.userId,
      details: { member: target.user.name },
    });
    return revoked;
  });
  revokedKeys.forEach(forgetApiKey);
}
