import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { TOO_MANY_ATTEMPTS, addressKeys, takeAttempt } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors/app-error";
import { findInvite, inviteStateMessages, wrongAddressMessage, type InviteView } from "./find-invite";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type ValidInvite = Extract<InviteView, { state: "valid" }>;

/** The invite behind a token, if it can still be used; anything else is said plainly. */
async function validInvite(db: Pick<Db, "invite">, token: string): Promise<ValidInvite> {
  const invite = await findInvite(db, token);
  if (invite.state !== "valid") throw new AppError("conflict", inviteStateMessages[invite.state]);
  return invite;
}

/** Only the address the invite names joins with it; the answer names nothing but that address. */
function assertInvitedAddress(invite: ValidInvite, email: string) {
  if (email.trim().toLowerCase() !== invite.email)
    throw new AppError("forbidden", wrongAddressMessage(invite.email), {
      email: `Use ${invite.email}, the address this invite is for.`,
    });
}

/**
 * Uses the invite exactly once, first thing in the transaction: the
 * conditional update on `acceptedAt` means two people racing with the same
 * link cannot both join (on PostgreSQL the second waits for the first's row
 * lock, then finds the invite used). `acceptedById` follows once the joining
 * account exists.
 */
async function claim(tx: Tx, invite: ValidInvite) {
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count !== 1) throw new AppError("conflict", inviteStateMessages.used);
}

async function join(tx: Tx, invite: ValidInvite, user: { id: string; name: string }) {
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId: user.id } },
  });
  if (existing) throw new AppError("conflict", `You are already a member of ${invite.workspaceName}.`);
  await tx.invite.update({ where: { id: invite.id }, data: { acceptedById: user.id } });
  await tx.membership.create({
    data: { workspaceId: invite.workspaceId, userId: user.id, role: invite.role },
  });
  await recordAuditEvent(tx, {
    workspaceId: invite.workspaceId,
    action: "member.joined",
    actor: { userId: user.id, label: user.name },
    targetUserId: user.id,
    details: { role: invite.role },
  });
  return { slug: invite.workspaceSlug };
}

/** A signed-in person joins with a link made for their address. */
export async function acceptInvite(
  db: Db,
  input: { token: string; userId: string; userName: string; userEmail: string },
): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const invite = await validInvite(tx, input.token);
    assertInvitedAddress(invite, input.userEmail);
    await claim(tx, invite);
    return join(tx, invite, { id: input.userId, name: input.userName });
  });
}

/** Someone new creates their account, for the invited address, and joins in one step. */
export async function acceptInviteAsNewUser(
  db: Db,
  input: { token: string; name: string; email: string; password: string },
  ip: string | null = null,
): Promise<{ slug: string }> {
  // The link first, then the address: without a valid link, or with another
  // address, nobody learns whether an email has an account here, nor makes us
  // run the slow hash.
  const invite = await validInvite(db, input.token);
  assertInvitedAddress(invite, input.email);
  if (!(await takeAttempt(db, [`invite:${invite.id}`, ...addressKeys(ip)])).allowed)
    throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const claimed = await validInvite(tx, input.token);
    await claim(tx, claimed);
    // Only the invite's own address can get here: this tells nothing about any other.
    if (await tx.user.findUnique({ where: { email: claimed.email }, select: { id: true } })) {
      throw new AppError(
        "conflict",
        "An account with this email already exists. Sign in first, then open the invite link again.",
        { email: "This email already has an account: sign in instead." },
      );
    }
    const user = await tx.user.create({
      data: { name: input.name, email: claimed.email, passwordHash },
      select: { id: true },
    });
    return join(tx, claimed, { id: user.id, name: input.name });
  });
}
