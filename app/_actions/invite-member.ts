"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createInvite } from "@/lib/members/create-invite";
import { inviteSchema } from "@/lib/members/schemas";

export const inviteMemberAction = workspaceAction(
  { schema: inviteSchema, role: "admin" },
  async (ctx, input) => {
    const { token, expiresAt } = await createInvite(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/members`);
    // The link is shown once; only its hash is stored.
    return {
      ok: true,
      data: {
        link: `${getEnv().appUrl}/invite/${token}`,
        role: input.role,
        email: input.email,
        expiresAt: expiresAt.toISOString(),
      },
    } as const;
  },
);
