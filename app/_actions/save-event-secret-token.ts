"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { saveEventSecretTokenAudited } from "@/lib/zoom-apps/event-secret-token";
import { eventSecretTokenSchema, zoomAppIdSchema } from "@/lib/zoom-apps/schemas";

export const saveEventSecretTokenAction = workspaceAction(
  {
    schema: z.object({ zoomAppId: zoomAppIdSchema, secretToken: eventSecretTokenSchema }),
    role: "admin",
  },
  async (ctx, input) => {
    const { replaced } = await saveEventSecretTokenAudited(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/apps/${input.zoomAppId}`);
    return {
      ok: true,
      message: replaced
        ? "The new Secret Token is saved (encrypted). Events signed with the old one are refused from now on."
        : "The Secret Token is saved (encrypted). Now add the endpoint URL in Zoom and press Save there.",
    };
  },
);
