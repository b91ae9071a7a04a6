import type { Db } from "@/lib/db/client";
import { roleSchema, type Role } from "@/lib/auth/roles";
import { hashInviteToken } from "./invite-token";

export type InviteView =
  | {
      state: "valid";
      id: string;
      workspaceId: string;
      workspaceName: string;
      workspaceSlug: string;
      role: Role;
      /** the one address that can join with this invite */
      email: string;
      expiresAt: Date;
    }
  | { state: "used" | "expired" | "revoked" | "unknown" };

/** What an invite link leads to, in words the invite page can show. */
export async function findInvite(
  db: Pick<Db, "invite">,
  token: string,
  now = new Date(),
): Promise<InviteView> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { state: "unknown" };
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: { workspace: { select: { name: true, slug: true } } },
  });
  if (!invite) return { state: "unknown" };
  if (invite.acceptedAt) return { state: "used" };
  // No address: made before invites named one (the migration withdrew those), or by an older
  // instance during an upgrade — anyone holding it could join as anyone, so it works for nobody.
  if (invite.revokedAt || !invite.email) return { state: "revoked" };
  if (invite.expiresAt <= now) return { state: "expired" };
  return {
    state: "valid",
    id: invite.id,
    workspaceId: invite.workspaceId,
    workspaceName: invite.workspace.name,
    workspaceSlug: invite.workspace.slug,
    role: roleSchema.parse(invite.role),
    email: invite.email,
    expiresAt: invite.expiresAt,
  };
}

/**
 * Someone joining with an address the invite is not for. It names only the
 * invite's own address (shown on the invite page anyway), never whether the
 * other address has an account.
 */
export const wrongAddressMessage = (inviteEmail: string) =>
  `This invite is for ${inviteEmail}. Join with that address, or ask the person who sent it for an invite to yours.`;

export const inviteStateMessages = {
  used: "This invite link has already been used. Ask the person who sent it for a new one.",
  expired: "This invite link has expired (links work for 7 days). Ask the person who sent it for a new one.",
  revoked: "This invite link was withdrawn. Ask a workspace admin for a new one.",
  unknown: "This invite link is not valid. Check that you copied the whole link.",
} as const;
