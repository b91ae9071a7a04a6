import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { neighbours, parseStep, stepNumber } from "@/lib/guides/progress";
import { wizardStepUrl } from "@/lib/guides/step-url";
import type { Guide, GuideStep } from "@/lib/guides/types";
import type { CredentialRecord } from "./find-credential";
import { loadWizard } from "./wizard-progress";

/** Everything a wizard page renders, decided on the server. */
export type WizardStepView = {
  slug: string;
  /** Who is looking: some warnings show members only their own connections. */
  viewer: { userId: string; role: Role };
  credential: CredentialRecord;
  guide: Guide;
  step: GuideStep;
  number: number;
  total: number;
  backHref: string | null;
  /** Where the step's form leads once done (null on the last step). */
  nextHref: string | null;
  hrefFor: (key: string) => string;
  canOpen: (key: string) => boolean;
};

export type OpenedStep = { redirectTo: string } | { view: WizardStepView };

/**
 * The wizard page's one call: the credential (scoped to the person), its
 * guide, and the gate's decision for the step in the URL. A step this guide
 * does not have is "not found"; one out of reach sends the person to their
 * first unfinished step (or, through a shared app, to the connect step), so
 * nobody skips ahead or back into a closed step by editing the URL.
 */
export async function openWizardStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; step: string },
): Promise<OpenedStep> {
  const { credential, guide, gate } = await loadWizard(db, ctx, input.credentialId);
  const slug = ctx.workspace.slug;
  const hrefFor = (key: string) => wizardStepUrl(slug, credential.id, guide, key);
  const { canOpen } = gate;

  const key = parseStep(guide, input.step);
  const step = guide.steps.find((s) => s.key === key);
  if (!step) throw new AppError("not_found", "This setup step does not exist.");
  if (!canOpen(step.key)) return { redirectTo: hrefFor(gate.resume.key) };

  const { previous, next } = neighbours(guide, step.key);
  return {
    view: {
      slug,
      viewer: { userId: ctx.user.id, role: ctx.role },
      credential,
      guide,
      step,
      number: stepNumber(guide, step.key),
      total: guide.steps.length,
      // A step before this one may be closed (a shared app's setup): then there is no Back.
      backHref: previous && canOpen(previous.key) ? hrefFor(previous.key) : null,
      nextHref: next ? hrefFor(next.key) : null,
      hrefFor,
      canOpen,
    },
  };
}
