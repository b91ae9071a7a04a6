"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { saveScopes } from "@/lib/credentials/save-scopes";
import { db } from "@/lib/db/client";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { urlAfterForm } from "@/lib/guides/step-url";

/** The OAuth wizard's scopes step: what the connection may do. */
export const saveScopesAction = workspaceAction(
  { schema: STEP_KIND_RULES.scopes.schema, role: "member" },
  async (ctx, input) => {
    await saveScopes(db(), ctx, { credentialId: input.credentialId, choiceIds: input.scope });
    redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, oauthGuide, "scopes"));
  },
);
