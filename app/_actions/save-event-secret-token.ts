"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { saveEventSecretToken } from "@/lib/zoom-apps/event-secret-token";
import { zoomAppIdSchema } from "@/lib/zoom-apps/schemas";

export const saveEventSecretTokenAction = workspaceAction(
  {
    schema: z.object({
      zoomAppId: zoomAppIdSchema,
      secretToken: z
        .string({ error: "Paste the Secret Token from your app’s Features page." })
        .trim()
        .min(8, "That is too short for a Zoom Secret Token: copy the whole value.")
        .max(200, "That is too long for a Zoom Secret Token.")
        .regex(/^\S+$/, "A Secret Token has no spaces: copy only the token."),
    }),
    role: "admin",
  },
  async (ctx, input) => {
    const { replaced } = await db().$transaction(async (tx) => {
      const result = await saveEventSecretToken(tx, { workspaceId: ctx.workspace.id, ...input });
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "zoom_app.event_token_saved",
        actor: { userId: ctx.user.id, label: ctx.user.name },
        details: { zoomAppId: input.zoomAppId, replaced: result.replaced },
      });
      return result;
    });
    revalidatePath(`/w/${ctx.workspace.slug}/apps/${input.zoomAppId}`);
    return {
      ok: true,
      message: replaced
        ? "The new Secret Token is saved (encrypted). Events signed with the old one are refused from now on."
        : "The Secret Token is saved (encrypted). Now add the endpoint URL in Zoom and press Save there.",
    };
  },
);
