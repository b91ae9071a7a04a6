"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { revokeInvite } from "@/lib/members/list-invites";
import { revokeInviteSchema } from "@/lib/members/schemas";

export const revokeInviteAction = workspaceAction(
  { schema: revokeInviteSchema, role: "admin" },
  async (ctx, input) => {
    await revokeInvite(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/members`);
    return { ok: true, message: "Invite withdrawn." };
  },
);
