"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { credentialFormSchema } from "@/lib/credentials/schemas";
import { switchToServerToServer } from "@/lib/credentials/switch-method";
import { db } from "@/lib/db/client";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import { wizardStepUrl } from "@/lib/guides/step-url";

/** "Use Server-to-Server OAuth instead": the same credential, the Server-to-Server wizard from its start. */
export const switchToS2SAction = workspaceAction(
  { schema: credentialFormSchema, role: "member" },
  async (ctx, input) => {
    await switchToServerToServer(db(), ctx, input.credentialId);
    redirect(wizardStepUrl(ctx.workspace.slug, input.credentialId, s2sGuide, s2sGuide.keys[0]));
  },
);
