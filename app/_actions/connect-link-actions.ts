"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction, workspaceAction } from "@/lib/actions/safe-action";
import {
  createConnectLink,
  DEFAULT_LINK_DAYS,
  revokeConnectLink,
} from "@/lib/connect-links/manage-connect-links";
import { prepareLinkConnection } from "@/lib/connect-links/use-connect-link";
import { db } from "@/lib/db/client";
import {
  CONNECT_COOKIE,
  connectCookieOptions,
  handshakePages,
  signConnectSession,
} from "@/lib/zoom-connect/connect-session";

const id = z.string().min(1).max(64);

export const createConnectLinkAction = workspaceAction(
  {
    schema: z.object({
      zoomAppId: id,
      note: z.string().trim().max(120, "Keep the note under 120 characters.").default(""),
      ownerId: z
        .string({ error: "Choose who owns the connection." })
        .min(1, "Choose who owns the connection."),
      days: z.coerce
        .number({ error: "Give a number of days." })
        .int("Give a whole number of days.")
        .min(1, "A link works for at least 1 day.")
        .max(30, "A link works for at most 30 days.")
        .default(DEFAULT_LINK_DAYS),
    }),
    role: "admin",
  },
  async (ctx, input) => {
    const { url, expiresAt } = await createConnectLink(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps/${input.zoomAppId}`);
    return { ok: true, data: { url, expiresAt: expiresAt.toISOString() } } as const;
  },
);

export const revokeConnectLinkAction = workspaceAction(
  { schema: z.object({ linkId: id }), role: "admin" },
  async (ctx, input) => {
    await revokeConnectLink(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps`, "layout");
    return { ok: true, message: "The link is revoked: it no longer works." };
  },
);

/** The link page's Connect to Zoom, for someone without an account: the link is the permission. */
export const prepareLinkConnectAction = publicAction(
  { schema: z.object({ token: z.string().min(1).max(100) }) },
  async (_ctx, input) => {
    const session = await prepareLinkConnection(db(), input.token);
    (await cookies()).set(CONNECT_COOKIE, await signConnectSession(session), connectCookieOptions());
    return { ok: true, data: { doneHref: handshakePages(session).afterConnect } } as const;
  },
);
