import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { hasRole, type Role } from "@/lib/auth/roles";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * What a person leaves behind when they are removed or demoted: invite links
 * they made that their new role could not make (all of them when they leave
 * or become a member — an admin's link would let them back in as admin),
 * connect links they made (only admins make them) and, when they leave, the
 * links whose connection would be theirs, and, when the admin asks for it,
 * the API keys they created. Runs in the caller's transaction; returns the
 * revoked keys' ids so the caller can drop them from the key cache after the
 * commit.
 */
export async function revokeLeftoverAccess(
  tx: Tx,
  ctx: WorkspaceContext,
  input: { userId: string; memberName: string; newRole: Role | null; revokeApiKeys: boolean },
): Promise<string[]> {
  const now = new Date();
  const actor = { userId: ctx.user.id, label: ctx.user.name };
  const canStillInvite = (role: string) =>
    input.newRole !== null &&
    hasRole(input.newRole, "admin") &&
    (role !== "owner" || input.newRole === "owner");
  const open = await tx.invite.findMany({
    where: { workspaceId: ctx.workspace.id, createdById: input.userId, acceptedAt: null, revokedAt: null },
    select: { id: true, role: true },
  });
  const invites = open.filter((invite) => !canStillInvite(invite.role)).map((invite) => invite.id);
  if (invites.length) {
    await tx.invite.updateMany({ where: { id: { in: invites } }, data: { revokedAt: now } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "invite.revoked",
      actor,
      targetUserId: input.userId,
      details: { count: invites.length, reason: `${input.memberName} lost the right to invite` },
    });
  }
  await revokeConnectLinks(tx, ctx, input, now);
  // Members cannot hold keys; an admin or owner keeps theirs.
  if (!input.revokeApiKeys || (input.newRole !== null && hasRole(input.newRole, "admin"))) return [];
  const keys = await listKeysCreatedBy(tx, ctx.workspace.id, input.userId);
  for (const key of keys) {
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "api_key.revoked",
      actor,
      details: { name: key.name, prefix: key.prefix },
    });
  }
  return keys.map((key) => key.id);
}

/**
 * Open connect links (not used, not revoked) a person leaves behind: the ones
 * they made, once they are no longer an admin — a link acts with its maker's
 * permission — and, once they leave, the ones whose connection would be
 * theirs. A link claimed by a return from Zoom in this moment counts as used.
 */
async function revokeConnectLinks(
  tx: Tx,
  ctx: WorkspaceContext,
  input: { userId: string; memberName: string; newRole: Role | null },
  now: Date,
) {
  const stillAdmin = input.newRole !== null && hasRole(input.newRole, "admin");
  const whose = [
    ...(stillAdmin ? [] : [{ createdById: input.userId }]),
    ...(input.newRole === null ? [{ ownerId: input.userId }] : []),
  ];
  if (!whose.length) return;
  const revoked = await tx.connectLink.updateMany({
    where: { workspaceId: ctx.workspace.id, usedAt: null, revokedAt: null, OR: whose },
    data: { revokedAt: now },
  });
  if (!revoked.count) return;
  await recordAuditEvent(tx, {
    workspaceId: ctx.workspace.id,
    action: "connect_link.revoked",
    actor: { userId: ctx.user.id, label: ctx.user.name },
    targetUserId: input.userId,
    details: {
      count: revoked.count,
      reason:
        input.newRole === null
          ? `${input.memberName} left the workspace`
          : `${input.memberName} is no longer an admin`,
    },
  });
}

/** The live API keys a person created in a workspace. */
export function listKeysCreatedBy(db: Pick<Db, "apiKey">, workspaceId: string, userId: string) {
  return db.apiKey.findMany({
    where: { workspaceId, createdById: userId, revokedAt: null },
    select: { id: true, name: true, prefix: true },
    orderBy: { createdAt: "asc" },
  });
}
