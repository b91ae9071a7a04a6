import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { guideFor } from "@/lib/guides";
import {
  canOpenStep,
  firstUnfinishedStep,
  furthest,
  neighbours,
  nextStepKey,
  parseStep,
  stepOfKind,
} from "@/lib/guides/progress";
import type { Guide, GuideStep, StepKind } from "@/lib/guides/types";
import { findCredential, type CredentialRecord } from "./find-credential";

/** Where a person may be in one credential's wizard: the gate's decisions, in one place. */
export type WizardGate = {
  canOpen: (key: string) => boolean;
  /** The step to send someone to when the one they asked for is out of reach. */
  resume: GuideStep;
};

/**
 * The gate of a credential's wizard. The stored progress is the furthest step
 * finished; anything past the first unfinished step is out of reach. A
 * connection through a shared Zoom app never writes to the app (only an
 * admin changes it, on the app's page), so its wizard opens from the connect
 * step on: the steps that set the app up count as done and stay closed.
 */
export function wizardGate(
  guide: Guide,
  credential: Pick<CredentialRecord, "wizardStep"> & { zoomApp: { shared: boolean } | null },
): WizardGate {
  const connect = stepOfKind(guide, "connect") ?? stepOfKind(guide, "s2s-connect");
  const before = connect ? neighbours(guide, connect.key).previous : null;
  if (!credential.zoomApp?.shared || !connect || !before) {
    return {
      canOpen: (key) => canOpenStep(guide, credential.wizardStep, key),
      resume: firstUnfinishedStep(guide, credential.wizardStep),
    };
  }
  const progress = furthest(guide, credential.wizardStep, before.key);
  const first = guide.keys.indexOf(connect.key);
  return {
    canOpen: (key) => guide.keys.indexOf(key) >= first && canOpenStep(guide, progress, key),
    resume: firstUnfinishedStep(guide, progress),
  };
}

export async function loadWizard(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<{ credential: CredentialRecord; guide: Guide; gate: WizardGate }> {
  const credential = await findCredential(db, ctx, credentialId);
  const guide = guideFor(credential.method);
  if (!guide) throw new AppError("not_found", "This kind of credential has no guided setup yet.");
  return { credential, guide, gate: wizardGate(guide, credential) };
}

/**
 * The gate for a form: the guide's step of that kind, when the person may be
 * on it. A credential of another method (its guide has no such form) or
 * someone skipping ahead gets the same plain answer.
 */
export function requireFormStep<K extends string>(
  guide: Guide<K>,
  gate: WizardGate,
  kind: StepKind,
): GuideStep<K> {
  const step = stepOfKind(guide, kind);
  if (!step || !gate.canOpen(step.key))
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
  const { credential, guide, gate } = await loadWizard(db, ctx, input.credentialId);
  const key = parseStep(guide, input.step);
  const step = guide.steps.find((s) => s.key === key);
  if (!step || !gate.canOpen(step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  if (!READ_ONLY_KINDS.includes(step.kind))
    throw new AppError("invalid_input", "This step needs its form filled in.");
  await db.credential.update({
    where: { id: credential.id },
    data: { wizardStep: furthest(guide, credential.wizardStep, step.key) },
  });
  return { guide, next: nextStepKey(guide, step.key) };
}
