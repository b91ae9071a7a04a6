import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";

/** Invites that can still be used (one with no address works for nobody: find-invite.ts). */
export async function listOpenInvites(db: Db, workspaceId: string, now = new Date()) {
  return db.invite.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, email: { not: null } },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvite(
  db: Db,
  ctx: WorkspaceContext,
  input: { inviteId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.invite.updateMany({
      where: { id: input.inviteId, workspaceId: ctx.workspace.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count !== 1) throw new AppError("not_found", "That invite was already used or withdrawn.");
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "invite.revoked",
      actor: { userId: ctx.user.id, label: ctx.user.name },
    });
  });
}
