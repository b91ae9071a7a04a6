"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { deleteZoomApp } from "@/lib/zoom-apps/delete-zoom-app";
import { zoomAppIdSchema } from "@/lib/zoom-apps/schemas";

export const deleteZoomAppAction = workspaceAction(
  { schema: z.object({ zoomAppId: zoomAppIdSchema }), role: "admin" },
  async (ctx, input) => {
    await deleteZoomApp(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps`);
    redirect(`/w/${ctx.workspace.slug}/apps`);
  },
);
