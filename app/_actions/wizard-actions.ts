"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { guideFor } from "@/lib/guides";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStepLabel } from "@/lib/guides/progress";
import { urlAfterForm, wizardStepUrl } from "@/lib/guides/step-url";
import { AppError } from "@/lib/errors/app-error";
import { createCredential } from "@/lib/credentials/create-credential";
import { saveClientCredentials } from "@/lib/credentials/save-client-credentials";
import { saveScopes } from "@/lib/credentials/save-scopes";
import {
  clientCredentialsSchema,
  expectedZoomEmailSchema,
  newCredentialSchema,
  scopesFormSchema,
} from "@/lib/credentials/schemas";
import { noteExpectedZoomEmail } from "@/lib/credentials/expected-zoom-user";
import { completeInfoStep, loadWizard, requireFormStep } from "@/lib/credentials/wizard-progress";
import { testConnection } from "@/lib/credentials/test-connection";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { CONNECT_COOKIE, connectCookieOptions, signConnectSession } from "@/lib/zoom-connect/connect-session";

// The wizard's server actions. Each goes through workspaceAction (session →
// membership → role → zod), calls one lib/ function, then opens the guide's next step.

export const startCredential = workspaceAction(
  { schema: newCredentialSchema, role: "member" },
  async (ctx, input) => {
    const { id } = await createCredential(db(), ctx, input);
    const guide = guideFor(input.method);
    redirect(wizardStepUrl(ctx.workspace.slug, id, guide, guide.keys[0]));
  },
);

export const completeStep = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1), step: z.string().min(1).max(40) }), role: "member" },
  async (ctx, input) => {
    const { guide, next } = await completeInfoStep(db(), ctx, input);
    redirect(wizardStepUrl(ctx.workspace.slug, input.credentialId, guide, next));
  },
);

export const saveClientCredentialsAction = workspaceAction(
  { schema: clientCredentialsSchema, role: "member" },
  async (ctx, input) => {
    await saveClientCredentials(db(), ctx, input);
    redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, oauthGuide, "client-credentials"));
  },
);

export const saveScopesAction = workspaceAction(
  { schema: scopesFormSchema, role: "member" },
  async (ctx, input) => {
    await saveScopes(db(), ctx, { credentialId: input.credentialId, choiceIds: input.scope });
    redirect(urlAfterForm(ctx.workspace.slug, input.credentialId, oauthGuide, "scopes"));
  },
);

/** Before next-auth's signIn("zoom"): a signed cookie says which credential the handshake is for. */
export const prepareZoomConnect = workspaceAction(
  {
    schema: z.object({ credentialId: z.string().min(1), expectedZoomEmail: expectedZoomEmailSchema }),
    role: "member",
  },
  async (ctx, input) => {
    const { credential, guide, gate } = await loadWizard(db(), ctx, input.credentialId);
    if (credential.method !== "oauth")
      throw new AppError("invalid_input", "This credential does not connect with OAuth.");
    requireFormStep(guide, gate, "connect");
    if (!(await zoomAppKeys(db(), ctx.workspace.id, credential.zoomAppId)))
      throw new AppError(
        "invalid_input",
        `Paste the Client ID and Client Secret on ${formStepLabel(oauthGuide, "client-credentials")} first.`,
      );
    // Written only when it changes: pressing Connect must not touch a credential that stays as it is.
    if (input.expectedZoomEmail !== undefined && input.expectedZoomEmail !== credential.expectedZoomEmail)
      await noteExpectedZoomEmail(db(), credential.id, input.expectedZoomEmail);
    const token = await signConnectSession({
      credentialId: credential.id,
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      slug: ctx.workspace.slug,
      userName: ctx.user.name,
    });
    (await cookies()).set(CONNECT_COOKIE, token, connectCookieOptions());
    return { ok: true };
  },
);

export const testConnectionAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    const result = await testConnection(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
