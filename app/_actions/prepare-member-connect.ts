"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { credentialNameSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";
import { startAppConnection } from "@/lib/zoom-apps/connect-through-app";
import {
  CONNECT_COOKIE,
  connectCookieOptions,
  handshakePages,
  signConnectSession,
  type ConnectSession,
} from "@/lib/zoom-connect/connect-session";

/**
 * "Connect my Zoom account": a connection through a shared app, owned by the
 * member, then the same next-auth Zoom handshake the wizard uses. Returns
 * where the handshake ends, for next-auth's signIn("zoom").
 */
export const prepareMemberConnectAction = workspaceAction(
  {
    schema: z.object({
      zoomAppId: z.string({ error: "Choose a Zoom app." }).min(1, "Choose a Zoom app.").max(64),
      name: credentialNameSchema,
      credentialId: z.string().max(64).optional(),
    }),
    role: "member",
  },
  async (ctx, input) => {
    const { credentialId } = await startAppConnection(db(), {
      workspaceId: ctx.workspace.id,
      ownerId: ctx.user.id,
      actor: { userId: ctx.user.id, label: ctx.user.name },
      zoomAppId: input.zoomAppId,
      name: input.name,
      retryCredentialId: input.credentialId || undefined,
    });
    const session: ConnectSession = {
      credentialId,
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      slug: ctx.workspace.slug,
      userName: ctx.user.name,
      flow: "member",
    };
    (await cookies()).set(CONNECT_COOKIE, await signConnectSession(session), connectCookieOptions());
    return { ok: true, data: { doneHref: handshakePages(session).afterConnect } } as const;
  },
);
