"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/safe-action";
import { clientAddress } from "@/lib/auth/client-address";
import { newAccountSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db/client";
import { acceptInviteAsNewUser } from "@/lib/members/accept-invite";
import { inviteTokenSchema } from "@/lib/members/schemas";

export const joinAsNewUserAction = publicAction(
  { schema: newAccountSchema.extend({ token: inviteTokenSchema }) },
  async (_ctx, input) => {
    const { slug } = await acceptInviteAsNewUser(db(), input, clientAddress(await headers()));
    return { ok: true, data: { slug } };
  },
);
