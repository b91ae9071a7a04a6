"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/safe-action";
import { prepareLinkConnection } from "@/lib/connect-links/use-connect-link";
import { db } from "@/lib/db/client";
import {
  CONNECT_COOKIE,
  connectCookieOptions,
  handshakePages,
  signConnectSession,
} from "@/lib/zoom-connect/connect-session";

/** The link page's Connect to Zoom, for someone without an account: the link is the permission. */
export const prepareLinkConnectAction = publicAction(
  { schema: z.object({ token: z.string().min(1).max(100) }) },
  async (_ctx, input) => {
    const session = await prepareLinkConnection(db(), input.token);
    (await cookies()).set(CONNECT_COOKIE, await signConnectSession(session), connectCookieOptions());
    return { ok: true, data: { doneHref: handshakePages(session).afterConnect } } as const;
  },
);
