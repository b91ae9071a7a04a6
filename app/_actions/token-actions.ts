"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { saveAccessToken, testAccessToken } from "@/lib/credentials/access-token-credential";
import { accessTokenFormSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";
import { accessTokenGuide } from "@/lib/guides/access-token-guide";
import { urlAfterForm } from "@/lib/guides/step-url";

export const saveAccessTokenAction = workspaceAction(
  { schema: accessTokenFormSchema, role: "member" },
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

export const testAccessTokenAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    const result = await testAccessToken(db(), ctx, input.credentialId);
    if (result.ok)
      redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, accessTokenGuide, "token-test"));
    return { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
