import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";

/** A member's own choice for this workspace: email on unless they turned it off. */
export async function emailIsOn(db: Db, ctx: WorkspaceContext): Promise<boolean> {
  const pref = await db.notificationPreference.findUnique({
    where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.user.id } },
    select: { emailOff: true },
  });
  return !pref?.emailOff;
}

export async function setEmailOn(db: Db, ctx: WorkspaceContext, on: boolean): Promise<void> {
  await db.notificationPreference.upsert({
    where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.user.id } },
    create: { workspaceId: ctx.workspace.id, userId: ctx.user.id, emailOff: !on },
    update: { emailOff: !on },
  });
}
