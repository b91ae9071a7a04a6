import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { formStepLabel } from "@/lib/guides/progress";
import { SCOPE_CHOICES, scopesForChoices } from "@/lib/guides/scopes";
import { assertWizardMayChangeApp } from "@/lib/zoom-apps/app-permissions";
import { saveZoomAppScopes } from "@/lib/zoom-apps/manage-zoom-app";
import { requireStepOfKind } from "@/lib/wizard/gate";
import { recordProgress } from "@/lib/wizard/progress-writer";
import { loadWizard } from "./wizard-progress";

/**
 * The scopes step: the scopes the person means to add to the Zoom app (the required one always),
 * on an app this person may change — never a shared one (lib/zoom-apps/app-permissions.ts).
 */
export async function saveScopes(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; choiceIds: string[] },
): Promise<{ scopes: string[] }> {
  const { credential, guide, subject } = await loadWizard(db, ctx, input.credentialId);
  assertWizardMayChangeApp(ctx, credential.zoomApp);
  const step = requireStepOfKind(subject, "scopes");
  const known = new Set(SCOPE_CHOICES.map((c) => c.id));
  const unknown = input.choiceIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError("invalid_input", "One of the choices is not known. Reload the page and try again.");
  const scopes = scopesForChoices(input.choiceIds);
  if (!credential.zoomAppId)
    throw new AppError(
      "invalid_input",
      `Paste the Client ID and Client Secret on ${formStepLabel(guide, "client-credentials")} first.`,
    );
  const zoomAppId = credential.zoomAppId;
  await db.$transaction(async (tx) => {
    await saveZoomAppScopes(tx, { workspaceId: ctx.workspace.id, zoomAppId, scopes, privateOnly: true });
    await recordProgress(tx, subject, step.key);
  });
  return { scopes };
}
