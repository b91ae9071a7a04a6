"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { completeInfoStep } from "@/lib/credentials/wizard-progress";
import { db } from "@/lib/db/client";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { wizardStepUrl } from "@/lib/guides/step-url";

/** Next on a credential wizard's step that only asks to read: on to the guide's next step. */
export const completeStepAction = workspaceAction(
  { schema: STEP_KIND_RULES.info.schema, role: "member" },
  async (ctx, input) => {
    const { guide, next } = await completeInfoStep(db(), ctx, input);
    redirect(wizardStepUrl(ctx.workspace.slug, input.credentialId, guide, next));
  },
);
