"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { clientSecretSchema } from "@/lib/credentials/schemas";
import { deleteZoomApp } from "@/lib/zoom-apps/delete-zoom-app";
import { saveEventSecretToken } from "@/lib/zoom-apps/event-secret-token";
import { replaceAppSecret } from "@/lib/zoom-apps/replace-app-secret";
import { shareZoomApp } from "@/lib/zoom-apps/share-zoom-app";

const zoomAppId = z.string().min(1).max(64);

export const saveEventSecretTokenAction = workspaceAction(
  {
    schema: z.object({
      zoomAppId,
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

export const shareZoomAppAction = workspaceAction(
  { schema: z.object({ zoomAppId }), role: "admin" },
  async (ctx, input) => {
    const { name } = await shareZoomApp(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps`, "layout");
    return { ok: true, message: `“${name}” is shared: every member can now connect through it.` };
  },
);

export const deleteZoomAppAction = workspaceAction(
  { schema: z.object({ zoomAppId }), role: "admin" },
  async (ctx, input) => {
    await deleteZoomApp(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps`);
    redirect(`/w/${ctx.workspace.slug}/apps`);
  },
);

export const replaceAppSecretAction = workspaceAction(
  { schema: z.object({ zoomAppId, clientSecret: clientSecretSchema }), role: "admin" },
  async (ctx, input) => {
    const { connections } = await replaceAppSecret(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps/${input.zoomAppId}`);
    return {
      ok: true,
      message:
        connections === 0
          ? "The new Client Secret is saved (encrypted)."
          : `The new Client Secret is saved (encrypted) and applies to all ${connections === 1 ? "1 connection" : `${connections} connections`} of this app from their next renewal.`,
    };
  },
);
