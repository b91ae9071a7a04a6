"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { saveAppSetupKeys } from "@/lib/zoom-apps/app-setup";
import { appSetupForm } from "@/lib/zoom-apps/app-setup-form";
import { appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";

/** The app setup's keys step: the wizard's Client ID / Client Secret form, saved on the app. */
export const saveAppSetupKeysAction = workspaceAction(
  { schema: appSetupForm(STEP_KIND_RULES["client-credentials"].schema), role: "admin" },
  async (ctx, input) => {
    const next = await saveAppSetupKeys(db(), ctx, {
      zoomAppId: input.credentialId,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      pair: input.pair,
    });
    redirect(appSetupUrl(ctx.workspace.slug, input.credentialId, next));
  },
);
