"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { connectServerToServer } from "@/lib/credentials/connect-s2s";
import { db } from "@/lib/db/client";
import { formStep } from "@/lib/guides/progress";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { fixStepLink, urlAfterForm } from "@/lib/guides/step-url";

/** "Connect to Zoom" in the Server-to-Server wizard: a token from Zoom, or what to fix. */
export const connectS2SAction = workspaceAction(
  { schema: STEP_KIND_RULES["s2s-connect"].schema, role: "member" },
  async (ctx, input) => {
    const slug = ctx.workspace.slug;
    const result = await connectServerToServer(db(), ctx, input.credentialId);
    if (result.ok) redirect(urlAfterForm(slug, input.credentialId, s2sGuide, "s2s-connect"));
    const connect = formStep(s2sGuide, "s2s-connect").key;
    const fix = fixStepLink(slug, input.credentialId, s2sGuide, connect, result.fixStep);
    // The panel shows "Go to step N" from these; values carry strings only.
    const values: Record<string, string> = fix ? { fixHref: fix.href, fixLabel: fix.label } : {};
    return { ok: false, message: result.message, fieldErrors: {}, values };
  },
);
