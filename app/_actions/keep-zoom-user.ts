"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { credentialFormSchema } from "@/lib/credentials/schemas";
import { keepConnectedZoomUser } from "@/lib/credentials/expected-zoom-user";
import { db } from "@/lib/db/client";

/**
 * "Keep this one" (components/connect, on any page that connects): the
 * connection made as another Zoom user than meant is the one wanted.
 */
export const keepZoomUserAction = workspaceAction(
  { schema: credentialFormSchema, role: "member" },
  async (ctx, input) => {
    await keepConnectedZoomUser(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`, "layout");
    return { ok: true, message: "Kept: this connection is for the Zoom user who connected." };
  },
);
