"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { startZoomApp } from "@/lib/zoom-apps/app-setup";
import { appSetupGuide, appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";

/** "Add a Zoom app" (admins): the app is created, and its setup opens on the first step. */
export const startZoomAppAction = workspaceAction(
  {
    schema: z.object({
      name: z
        .string({ error: "Give the app a name." })
        .trim()
        .min(2, "Use at least 2 characters, for example “Our Zoom connection”.")
        .max(80, "Use at most 80 characters."),
    }),
    role: "admin",
  },
  async (ctx, input) => {
    const app = await startZoomApp(db(), ctx, input);
    redirect(appSetupUrl(ctx.workspace.slug, app.id, appSetupGuide.keys[0]));
  },
);
