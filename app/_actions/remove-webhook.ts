"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { removeWebhookEndpoint } from "@/lib/notifications/webhook-endpoint";

export const removeWebhookAction = workspaceAction(
  { schema: z.object({ confirm: z.literal("yes") }), role: "admin" },
  async (ctx) => {
    await removeWebhookEndpoint(db(), ctx);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/webhooks`);
    return { ok: true, message: "Webhook removed: nothing more is sent to it." };
  },
);
