"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { saveServerToServerCredentials } from "@/lib/credentials/save-client-credentials";
import { db } from "@/lib/db/client";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { urlAfterForm } from "@/lib/guides/step-url";

/** The Server-to-Server wizard's keys step: Account ID, Client ID and Client Secret. */
export const saveS2SCredentialsAction = workspaceAction(
  { schema: STEP_KIND_RULES["s2s-credentials"].schema, role: "member" },
  async (ctx, input) => {
    await saveServerToServerCredentials(db(), ctx, input);
    redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, s2sGuide, "s2s-credentials"));
  },
);
