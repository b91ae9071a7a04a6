"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { sendTestEvent } from "@/lib/notifications/webhook-endpoint";

export const sendTestEventAction = workspaceAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  await sendTestEvent(db(), ctx);
  revalidatePath(`/w/${ctx.workspace.slug}/admin/webhooks`);
  return { ok: true, message: "Test event queued: it is sent within seconds and shows in the delivery log." };
});
