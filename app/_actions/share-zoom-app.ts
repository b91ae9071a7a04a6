"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { zoomAppIdSchema } from "@/lib/zoom-apps/schemas";
import { shareZoomApp } from "@/lib/zoom-apps/share-zoom-app";

export const shareZoomAppAction = workspaceAction(
  { schema: z.object({ zoomAppId: zoomAppIdSchema }), role: "admin" },
  async (ctx, input) => {
    const { name } = await shareZoomApp(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps`, "layout");
    return { ok: true, message: `“${name}” is shared: every member can now connect through it.` };
  },
);
