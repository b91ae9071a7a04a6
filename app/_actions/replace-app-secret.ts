"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { clientSecretSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";
import { replaceAppSecret } from "@/lib/zoom-apps/replace-app-secret";
import { zoomAppIdSchema } from "@/lib/zoom-apps/schemas";

export const replaceAppSecretAction = workspaceAction(
  { schema: z.object({ zoomAppId: zoomAppIdSchema, clientSecret: clientSecretSchema }), role: "admin" },
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
