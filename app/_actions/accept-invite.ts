"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction, userAction } from "@/lib/actions/safe-action";
import { clientAddress } from "@/lib/auth/client-address";
import { newAccountSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db/client";
import { acceptInvite, acceptInviteAsNewUser } from "@/lib/members/accept-invite";

const token = z.string().min(1).max(100);

export const joinWithInvite = userAction({ schema: z.object({ token }) }, async (user, input) => {
  const { slug } = await acceptInvite(db(), {
    token: input.token,
    userId: user.id,
    userName: user.name,
    userEmail: user.email,
  });
  return { ok: true, data: { slug } };
});

export const joinAsNewUser = publicAction(
  { schema: newAccountSchema.extend({ token }) },
  async (_ctx, input) => {
    const { slug } = await acceptInviteAsNewUser(db(), input, clientAddress(await headers()));
    return { ok: true, data: { slug } };
  },
);
