import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { guideFor } from "@/lib/guides";
import { canOpenStep, furthest, nextStepKey, parseStep, stepOfKind } from "@/lib/guides/progress";
import type { Guide, GuideStep, StepKind } from "@/lib/guides/types";
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
 * The gate for a form: the guide's step of that kind, when the person may be
 * on it. A credential of another method (its guide has no such form) or
 * someone skipping ahead gets the same plain answer.
 */
export function requireFormStep<K extends string>(
  guide: Guide<K>,
  stored: string | null,
  kind: StepKind,
): GuideStep<K> {
  const step = stepOfKind(guide, kind);
  if (!step || !canOpenStep(guide, stored, step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  return step;
}

const READ_ONLY_KINDS: readonly StepKind[] = ["info", "copy-urls", "jwt-notice"];

/**
 * Marks a step finished and returns the step to open next. Steps that
 * collect something are finished by their own functions (save-…); this one
 * is for steps where the person only reads and acts on Zoom.
 */
export async function completeInfoStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; step: string },
): Promise<{ guide: Guide; next: string }> {
  const { credential, guide } = await loadWizard(db, ctx, input.credentialId);
  const key = parseStep(guide, input.step);
  const step = guide.steps.find((s) => s.key === key);
  if (!step || !canOpenStep(guide, credential.wizardStep, step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  if (!READ_ONLY_KINDS.includes(step.kind))
    throw new AppError("invalid_input", "This step needs its form filled in.");
  await db.credential.update({
    where: { id: credential.id },
    data: { wizardStep: furthest(guide, credential.wizardStep, step.key) },
  });
  return { guide, next: nextStepKey(guide, step.key) };
}
