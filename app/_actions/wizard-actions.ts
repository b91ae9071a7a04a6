"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { guideFor } from "@/lib/guides";
import { canOpenStep } from "@/lib/guides/progress";
import { AppError } from "@/lib/errors/app-error";
import { createCredential } from "@/lib/credentials/create-credential";
import { saveClientCredentials } from "@/lib/credentials/save-client-credentials";
import { saveScopes } from "@/lib/credentials/save-scopes";
import { clientCredentialsSchema, newCredentialSchema, scopesFormSchema } from "@/lib/credentials/schemas";
import { completeInfoStep, loadWizard } from "@/lib/credentials/wizard-progress";
import { testConnection } from "@/lib/credentials/test-connection";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import {
  CONNECT_COOKIE,
  connectCookieOptions,
  signConnectSession,
  wizardPath,
} from "@/lib/zoom-connect/connect-session";

// The wizard's server actions. Each goes through workspaceAction (session →
// membership → role → zod), calls one lib/ function, then opens the next step.

const stepPath = (slug: string, credentialId: string, step: string) =>
  wizardPath({ slug, credentialId }, step);

export const startCredential = workspaceAction(
  { schema: newCredentialSchema, role: "member" },
  async (ctx, input) => {
    const { id } = await createCredential(db(), ctx, input);
    redirect(stepPath(ctx.workspace.slug, id, guideFor(input.method)?.steps[0]?.key ?? "marketplace"));
  },
);

export const completeStep = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1), step: z.string().min(1).max(40) }), role: "member" },
  async (ctx, input) => {
    const { next } = await completeInfoStep(db(), ctx, input);
    redirect(stepPath(ctx.workspace.slug, input.credentialId, next));
  },
);

export const saveClientCredentialsAction = workspaceAction(
  { schema: clientCredentialsSchema, role: "member" },
  async (ctx, input) => {
    await saveClientCredentials(db(), ctx, input);
    redirect(stepPath(ctx.workspace.slug, input.credentialId, "scopes"));
  },
);

export const saveScopesAction = workspaceAction(
  { schema: scopesFormSchema, role: "member" },
  async (ctx, input) => {
    await saveScopes(db(), ctx, { credentialId: input.credentialId, choiceIds: input.scope });
    redirect(stepPath(ctx.workspace.slug, input.credentialId, "connect"));
  },
);

/** Before next-auth's signIn("zoom"): a signed cookie says which credential the handshake is for. */
export const prepareZoomConnect = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    const { credential, guide } = await loadWizard(db(), ctx, input.credentialId);
    if (credential.method !== "oauth")
      throw new AppError("invalid_input", "This credential does not connect with OAuth.");
    if (!canOpenStep(guide, credential.wizardStep, "connect"))
      throw new AppError("invalid_input", "Finish the earlier steps first.");
    if (!(await zoomAppKeys(db(), ctx.workspace.id, credential.zoomAppId)))
      throw new AppError("invalid_input", "Paste the Client ID and Client Secret on step 4 first.");
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
