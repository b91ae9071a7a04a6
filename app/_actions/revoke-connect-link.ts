"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { revokeConnectLink } from "@/lib/connect-links/manage-connect-links";
import { db } from "@/lib/db/client";

export const revokeConnectLinkAction = workspaceAction(
  { schema: z.object({ linkId: z.string().min(1).max(64) }), role: "admin" },
  async (ctx, input) => {
    await revokeConnectLink(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps`, "layout");
    return { ok: true, message: "The link is revoked: it no longer works." };
  },
);
