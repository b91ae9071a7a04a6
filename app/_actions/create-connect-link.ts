"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createConnectLink, DEFAULT_LINK_DAYS } from "@/lib/connect-links/manage-connect-links";
import { db } from "@/lib/db/client";
import { zoomAppIdSchema } from "@/lib/zoom-apps/schemas";

export const createConnectLinkAction = workspaceAction(
  {
    schema: z.object({
      zoomAppId: zoomAppIdSchema,
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
