"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { setEmailOn } from "@/lib/notifications/preferences";
import { emailPreferenceSchema, webhookSchema } from "@/lib/notifications/schemas";
import {
  removeWebhookEndpoint,
  saveWebhookEndpoint,
  sendTestEvent,
} from "@/lib/notifications/webhook-endpoint";

export const saveEmailPreferenceAction = workspaceAction(
  { schema: emailPreferenceSchema, role: "member" },
  async (ctx, input) => {
    await setEmailOn(db(), ctx, input.email === "on");
    revalidatePath(`/w/${ctx.workspace.slug}/settings/notifications`);
    return {
      ok: true,
      message:
        input.email === "on"
          ? "Saved: you get an email when one of your connections breaks, expires soon or works again."
          : "Saved: you get no notification email from this workspace.",
    };
  },
);

export const saveWebhookAction = workspaceAction(
  { schema: webhookSchema, role: "admin" },
  async (ctx, input) => {
    const { secret } = await saveWebhookEndpoint(db(), ctx, {
      url: input.url,
      newSecret: input.newSecret === "on",
      allowPrivate: getEnv().webhookAllowPrivateTargets,
    });
    revalidatePath(`/w/${ctx.workspace.slug}/admin/notifications`);
    return {
      ok: true,
      message: secret
        ? "Webhook saved with a new signing secret."
        : "Webhook URL saved. The signing secret is unchanged.",
      data: { secret },
    };
  },
);

export const sendTestEventAction = workspaceAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  await sendTestEvent(db(), ctx);
  revalidatePath(`/w/${ctx.workspace.slug}/admin/notifications`);
  return { ok: true, message: "Test event queued: it is sent within seconds and shows in the delivery log." };
});

export const removeWebhookAction = workspaceAction(
  { schema: z.object({ confirm: z.literal("yes") }), role: "admin" },
  async (ctx) => {
    await removeWebhookEndpoint(db(), ctx);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/notifications`);
    return { ok: true, message: "Webhook removed: nothing more is sent to it." };
  },
);
