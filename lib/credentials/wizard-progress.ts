import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { guideFor } from "@/lib/guides";
import { canOpenStep, furthest, neighbours, stepIndex } from "@/lib/guides/progress";
import type { Guide } from "@/lib/guides/types";
import { findCredential, type CredentialRecord } from "./find-credential";

export async function loadWizard(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<{ credential: CredentialRecord; guide: Guide }> {
  const credential = await findCredential(db, ctx, credentialId);
  const guide = guideFor(credential.method);
  if (!guide) throw new AppError("not_found", "This kind of credential has no guided setup yet.");
  return { credential, guide };
}

/**
 * Marks a step finished and returns the step to open next. Steps that
 * collect something are finished by their own functions (save-…); this one
 * is for steps where the person only reads and acts on Zoom.
 */
export async function completeInfoStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; step: string },
): Promise<{ next: string }> {
  const { credential, guide } = await loadWizard(db, ctx, input.credentialId);
  const step = guide.steps[stepIndex(guide, input.step)];
  if (!step || !canOpenStep(guide, credential.wizardStep, step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  if (step.kind !== "info" && step.kind !== "copy-urls" && step.kind !== "jwt-notice")
    throw new AppError("invalid_input", "This step needs its form filled in.");
  await markStepDone(db, credential.id, guide, credential.wizardStep, step.key);
  return { next: neighbours(guide, step.key).next?.key ?? step.key };
}

async function markStepDone(
  db: Pick<Db, "credential">,
  credentialId: string,
  guide: Guide,
  current: string | null,
  step: string,
): Promise<void> {
  await db.credential.update({
    where: { id: credentialId },
    data: { wizardStep: furthest(guide, current, step) },
  });
}
