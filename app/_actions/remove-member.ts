"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { removeMember } from "@/lib/members/manage-members";
import { removeMemberSchema } from "@/lib/members/schemas";

export const removeMemberAction = workspaceAction(
  { schema: removeMemberSchema, role: "admin" },
  async (ctx, input) => {
    await removeMember(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/members`);
    return { ok: true, message: "Member removed." };
  },
);
