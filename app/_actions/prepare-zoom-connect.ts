"use server";

import { cookies } from "next/headers";
import { workspaceAction } from "@/lib/actions/safe-action";
import { noteExpectedZoomEmail } from "@/lib/credentials/expected-zoom-user";
import { loadWizard } from "@/lib/credentials/wizard-progress";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStepLabel } from "@/lib/guides/progress";
import { STEP_KIND_RULES } from "@/lib/guides/step-kinds";
import { requireStepOfKind } from "@/lib/wizard/gate";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { CONNECT_COOKIE, connectCookieOptions, signConnectSession } from "@/lib/zoom-connect/connect-session";

/** Before next-auth's signIn("zoom"): a signed cookie says which credential the handshake is for. */
export const prepareZoomConnectAction = workspaceAction(
  { schema: STEP_KIND_RULES.connect.schema, role: "member" },
  async (ctx, input) => {
    const { credential, subject } = await loadWizard(db(), ctx, input.credentialId);
    if (credential.method !== "oauth")
      throw new AppError("invalid_input", "This credential does not connect with OAuth.");
    requireStepOfKind(subject, "connect");
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
