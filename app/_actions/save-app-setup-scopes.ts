"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { saveAppSetupScopes } from "@/lib/zoom-apps/app-setup";
import { appSetupForm } from "@/lib/zoom-apps/app-setup-form";
import { appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";

/** The app setup's scopes step: the wizard's scopes form, saved on the app. */
export const saveAppSetupScopesAction = workspaceAction(
  { schema: appSetupForm(STEP_KIND_RULES.scopes.schema), role: "admin" },
  async (ctx, input) => {
    const next = await saveAppSetupScopes(db(), ctx, {
      zoomAppId: input.credentialId,
      choiceIds: input.scope,
    });
    redirect(appSetupUrl(ctx.workspace.slug, input.credentialId, next));
  },
);
