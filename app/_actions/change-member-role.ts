"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { changeMemberRole } from "@/lib/members/manage-members";
import { changeRoleSchema } from "@/lib/members/schemas";

export const changeMemberRoleAction = workspaceAction(
  { schema: changeRoleSchema, role: "admin" },
  async (ctx, input) => {
    await changeMemberRole(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/members`);
    return { ok: true, message: "Role changed." };
  },
);
