"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { acceptInvite } from "@/lib/members/accept-invite";
import { inviteTokenSchema } from "@/lib/members/schemas";

export const joinWithInviteAction = userAction(
  { schema: z.object({ token: inviteTokenSchema }) },
  async (user, input) => {
    const { slug } = await acceptInvite(db(), {
      token: input.token,
      userId: user.id,
      userName: user.name,
      userEmail: user.email,
    });
    return { ok: true, data: { slug } };
  },
);
