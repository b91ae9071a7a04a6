"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { saveAccessToken } from "@/lib/credentials/access-token-credential";
import { db } from "@/lib/db/client";
import { accessTokenGuide } from "@/lib/guides/access-token-guide";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { urlAfterForm } from "@/lib/guides/step-url";

/** The access-token wizard's paste step. */
export const saveAccessTokenAction = workspaceAction(
  { schema: STEP_KIND_RULES["token-paste"].schema, role: "member" },
  async (ctx, input) => {
    const { tested } = await saveAccessToken(db(), ctx, input);
    // A token pasted over a working one was tested already: on to "Connected".
    redirect(
      urlAfterForm(
        ctx.workspace.slug,
        input.credentialId,
        accessTokenGuide,
        tested ? "token-test" : "token-paste",
      ),
    );
  },
);
