"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { setEmailOn } from "@/lib/notifications/preferences";
import { emailPreferenceSchema } from "@/lib/notifications/schemas";

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
