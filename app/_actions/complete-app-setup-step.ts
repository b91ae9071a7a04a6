"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { completeAppSetupStep } from "@/lib/zoom-apps/app-setup";
import { appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";
import { zoomAppIdSchema } from "@/lib/zoom-apps/schemas";

/** Next on an app-setup step that only asks to read: on to the guide's next step. */
export const completeAppSetupStepAction = workspaceAction(
  {
    schema: z.object({ zoomAppId: zoomAppIdSchema, step: z.string().min(1).max(40) }),
    role: "admin",
  },
  async (ctx, input) => {
    const next = await completeAppSetupStep(db(), ctx, input);
    redirect(appSetupUrl(ctx.workspace.slug, input.zoomAppId, next));
  },
);
