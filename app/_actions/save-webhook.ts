"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { webhookSchema } from "@/lib/notifications/schemas";
import { saveWebhookEndpoint } from "@/lib/notifications/webhook-endpoint";

export const saveWebhookAction = workspaceAction(
  { schema: webhookSchema, role: "admin" },
  async (ctx, input) => {
    const { secret } = await saveWebhookEndpoint(db(), ctx, {
      url: input.url,
      newSecret: input.newSecret === "on",
      allowPrivate: getEnv().webhookAllowPrivateTargets,
    });
    revalidatePath(`/w/${ctx.workspace.slug}/admin/webhooks`);
    return {
      ok: true,
      message: secret
        ? "Webhook saved with a new signing secret."
        : "Webhook URL saved. The signing secret is unchanged.",
      data: { secret },
    };
  },
);
