"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { saveClientCredentials } from "@/lib/credentials/save-client-credentials";
import { db } from "@/lib/db/client";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { urlAfterForm } from "@/lib/guides/step-url";

/** The OAuth wizard's keys step: the Client ID and Client Secret onto the credential's app. */
export const saveClientCredentialsAction = workspaceAction(
  { schema: STEP_KIND_RULES["client-credentials"].schema, role: "member" },
  async (ctx, input) => {
    await saveClientCredentials(db(), ctx, input);
    redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, oauthGuide, "client-credentials"));
  },
);
