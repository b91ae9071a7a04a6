import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { guideFor } from "@/lib/guides";
import { canOpenStep, firstUnfinishedStep, furthest, neighbours, stepOfKind } from "@/lib/guides/progress";
import type { Guide } from "@/lib/guides/types";
import { requireReadOnlyStep } from "@/lib/wizard/gate";
import { recordProgress } from "@/lib/wizard/progress-writer";
import { subjectOf, type WizardSubject } from "@/lib/wizard/subject";
import { findCredential, type CredentialRecord } from "./find-credential";

/**
 * A credential as the wizard engine's subject, with its gate. A connection
 * through a shared Zoom app never writes to the app (only an admin changes
 * it, on the app's page), so its wizard opens from the connect step on: the
 * steps that set the app up count as done and stay closed.
 */
export function credentialSubject(
  guide: Guide,
  credential: Pick<CredentialRecord, "id" | "wizardStep"> & { zoomApp: { shared: boolean } | null },
): WizardSubject {
  const plain = subjectOf("credential", credential.id, guide, credential.wizardStep);
  const connect = stepOfKind(guide, "connect") ?? stepOfKind(guide, "s2s-connect");
  const before = connect ? neighbours(guide, connect.key).previous : null;
  if (!credential.zoomApp?.shared || !connect || !before) return plain;
  const opened = furthest(guide, credential.wizardStep, before.key);
  const first = guide.keys.indexOf(connect.key);
  return {
    ...plain,
    canOpen: (key) => guide.keys.indexOf(key) >= first && canOpenStep(guide, opened, key),
    resume: firstUnfinishedStep(guide, opened),
  };
}

/**
 * The credential (scoped to the person), its guide and the gate: what most wizard actions start
 * from (connect-s2s and the access-token steps find the credential themselves, then take its
 * subject from credentialSubject).
 */
export async function loadWizard(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<{ credential: CredentialRecord; guide: Guide; subject: WizardSubject }> {
  const credential = await findCredential(db, ctx, credentialId);
  const guide = guideFor(credential.method);
  if (!guide) throw new AppError("not_found", "This kind of credential has no guided setup yet.");
  return { credential, guide, subject: credentialSubject(guide, credential) };
}

/**
 * Next on a step where the person only reads and acts on Zoom: marks it
 * finished and returns the step to open next. Steps that collect something
 * are finished by their own functions (save-…).
 */
export async function completeInfoStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; step: string },
): Promise<{ guide: Guide; next: string }> {
  const { guide, subject } = await loadWizard(db, ctx, input.credentialId);
  const step = requireReadOnlyStep(subject, input.step);
  return { guide, next: await recordProgress(db, subject, step.key) };
}
