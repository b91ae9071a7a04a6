"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { testAccessToken } from "@/lib/credentials/access-token-credential";
import { db } from "@/lib/db/client";
import { accessTokenGuide } from "@/lib/guides/access-token-guide";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { urlAfterForm } from "@/lib/guides/step-url";

/** "Test connection" in the access-token wizard: Zoom says whose the token is, or why not. */
export const testAccessTokenAction = workspaceAction(
  { schema: STEP_KIND_RULES["token-test"].schema, role: "member" },
  async (ctx, input) => {
    const result = await testAccessToken(db(), ctx, input.credentialId);
    if (result.ok)
      redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, accessTokenGuide, "token-test"));
    return { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
