"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { connectServerToServer } from "@/lib/credentials/connect-s2s";
import { saveServerToServerCredentials } from "@/lib/credentials/save-client-credentials";
import { s2sCredentialsSchema } from "@/lib/credentials/schemas";
import { switchToServerToServer } from "@/lib/credentials/switch-method";
import { db } from "@/lib/db/client";
import { formStep } from "@/lib/guides/progress";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import { fixStepLink, urlAfterForm, wizardStepUrl } from "@/lib/guides/step-url";

export const saveS2SCredentialsAction = workspaceAction(
  { schema: s2sCredentialsSchema, role: "member" },
  async (ctx, input) => {
    await saveServerToServerCredentials(db(), ctx, input);
    redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, s2sGuide, "s2s-credentials"));
  },
);

export const connectS2SAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
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

export const switchToS2SAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    await switchToServerToServer(db(), ctx, input.credentialId);
    redirect(wizardStepUrl(ctx.workspace.slug, input.credentialId, s2sGuide, s2sGuide.keys[0]));
  },
);
