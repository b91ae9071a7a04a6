import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { TOO_MANY_ATTEMPTS, addressKeys, takeAttempt } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors/app-error";
import { findInvite, inviteStateMessages } from "./find-invite";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Uses the invite exactly once: the conditional update on `acceptedAt`
 * means two people racing with the same link cannot both join.
 */
async function consume(tx: Tx, token: string, userId: string, userName: string) {
  const invite = await findInvite(tx, token);
  if (invite.state !== "valid") throw new AppError("conflict", inviteStateMessages[invite.state]);
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, acceptedAt: null },
    data: { acceptedAt: new Date(), acceptedById: userId },
  });
  if (claimed.count !== 1) throw new AppError("conflict", inviteStateMessages.used);
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } },
  });
  if (existing) throw new AppError("conflict", `You are already a member of ${invite.workspaceName}.`);
  await tx.membership.create({ data: { workspaceId: invite.workspaceId, userId, role: invite.role } });
  await recordAuditEvent(tx, {
    workspaceId: invite.workspaceId,
    action: "member.joined",
    actor: { userId, label: userName },
    targetUserId: userId,
    details: { role: invite.role },
  });
  return { slug: invite.workspaceSlug };
}

/** A signed-in person joins with a link. */
export async function acceptInvite(
  db: Db,
  input: { token: string; userId: string; userName: string },
): Promise<{ slug: string }> {
  return db.$transaction((tx) => consume(tx, input.token, input.userId, input.userName));
}

/** Someone new creates their account and joins in one step. */
export async function acceptInviteAsNewUser(
  db: Db,
  input: { token: string; name: string; email: string; password: string },
  ip: string | null = null,
): Promise<{ slug: string }> {
  // The link first: without a valid one, nobody learns whether an email has
  // an account here, nor makes us run the slow hash.
  const invite = await findInvite(db, input.token);
  if (invite.state !== "valid") throw new AppError("conflict", inviteStateMessages[invite.state]);
  if (!(await takeAttempt(db, [`invite:${invite.id}`, ...addressKeys(ip)])).allowed)
    throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError(
        "conflict",
        "An account with this email already exists. Sign in first, then open the invite link again.",
        {
          email: "This email already has an account: sign in instead.",
        },
      );
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true },
    });
    return consume(tx, input.token, user.id, input.name);
  });
}
