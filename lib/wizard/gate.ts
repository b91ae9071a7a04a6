import { AppError } from "@/lib/errors/app-error";
import { neighbours, parseStep, stepNumber, stepOfKind } from "@/lib/guides/progress";
import { STEP_KIND_RULES, type StepKind } from "@/lib/guides/step-kinds";
import type { GuideStep } from "@/lib/guides/types";
import { subjectStepUrl, type SubjectKind, type WizardSubject } from "./subject";

/** Where a wizard page is, decided on the server: the step, its number, Back and the step after. */
export type OpenStep = {
  /** What the wizard sets up, for the forms' hidden fields and actions. */
  subject: { kind: SubjectKind; id: string };
  step: GuideStep;
  number: number;
  total: number;
  backHref: string | null;
  /** Where the step's form leads once done (null on the last step). */
  nextHref: string | null;
  hrefFor: (key: string) => string;
  canOpen: (key: string) => boolean;
};

/**
 * The one gate of every wizard page. A step the guide does not have is "not
 * found"; one out of reach sends the person to their first unfinished step,
 * so nobody skips ahead (or back into a closed step) by editing the URL.
 */
export function openStep(
  slug: string,
  subject: WizardSubject,
  requested: string,
): { redirectTo: string } | { open: OpenStep } {
  const { guide, canOpen } = subject;
  const hrefFor = (key: string) => subjectStepUrl(slug, subject, key);
  const key = parseStep(guide, requested);
  const step = guide.steps.find((s) => s.key === key);
  if (!step) throw new AppError("not_found", "This setup step does not exist.");
  if (!canOpen(step.key)) return { redirectTo: hrefFor(subject.resume.key) };
  const { previous, next } = neighbours(guide, step.key);
  return {
    open: {
      subject: { kind: subject.kind, id: subject.id },
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

/**
 * The gate for a form: the guide's step of that kind, when the person may be
 * on it. A guide without such a form or someone skipping ahead gets the same
 * plain answer.
 */
export function requireStepOfKind(subject: WizardSubject, kind: StepKind): GuideStep {
  const step = stepOfKind(subject.guide, kind);
  if (!step || !subject.canOpen(step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  return step;
}

/** The gate for Next on a step named by the form: open to the person, and one Next alone finishes. */
export function requireReadOnlyStep(subject: WizardSubject, requested: string): GuideStep {
  const key = parseStep(subject.guide, requested);
  const step = subject.guide.steps.find((s) => s.key === key);
  if (!step || !subject.canOpen(step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  if (!STEP_KIND_RULES[step.kind].readOnly)
    throw new AppError("invalid_input", "This step needs its form filled in.");
  return step;
}
