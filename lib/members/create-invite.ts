import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { hasRole, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { INVITE_LIFETIME_MS, newInviteToken } from "./invite-token";

/**
 * Creates a one-time invite link for one email address: only that address can
 * join with it, so a link that leaks cannot be used to squat an address. The
 * raw token is returned once and never stored.
 */
export async function createInvite(
  db: Db,
  ctx: WorkspaceContext,
  input: { role: Role; email: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  // Only an owner can make another owner.
  if (input.role === "owner" && !hasRole(ctx.role, "owner"))
    throw new AppError("forbidden", "Only an owner can invite another owner.");
  const email = input.email.trim().toLowerCase();
  const member = await db.membership.findFirst({
    where: { workspaceId: ctx.workspace.id, user: { email } },
    select: { id: true },
  });
  // Admins see every member's address on this page: saying so tells them nothing new.
  if (member)
    throw new AppError("conflict", "Please check the highlighted fields.", {
      email: `${email} is already a member of ${ctx.workspace.name}.`,
    });
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db.$transaction(async (tx) => {
    await tx.invite.create({
      data: {
        workspaceId: ctx.workspace.id,
        role: input.role,
        email,
        tokenHash,
        createdById: ctx.user.id,
        expiresAt,
      },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "member.invited",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { role: input.role, email },
    });
  });
  return { token, expiresAt };
}
