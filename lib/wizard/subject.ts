import { canOpenStep, firstUnfinishedStep } from "@/lib/guides/progress";
import type { Guide, GuideStep } from "@/lib/guides/types";

/** What a wizard sets up: a credential's connection, or a workspace's Zoom app ("Add a Zoom app"). */
export type SubjectKind = "credential" | "zoom-app";

/**
 * One wizard in progress: its guide, the stored progress (the furthest step
 * finished: Credential.wizardStep or ZoomApp.setupStep) and the gate's
 * decisions. Everything the engine does (open a step, finish one, build an
 * address) takes a subject, whatever it sets up.
 */
export type WizardSubject = {
  kind: SubjectKind;
  id: string;
  guide: Guide;
  progress: string | null;
  /** Whether the person may be on this step. */
  canOpen: (key: string) => boolean;
  /** The step to send someone to when the one they asked for is out of reach. */
  resume: GuideStep;
};

/** The plain gate: every step up to the first unfinished one is open, nothing past it. */
export function subjectOf(
  kind: SubjectKind,
  id: string,
  guide: Guide,
  progress: string | null,
): WizardSubject {
  return {
    kind,
    id,
    guide,
    progress,
    canOpen: (key) => canOpenStep(guide, progress, key),
    resume: firstUnfinishedStep(guide, progress),
  };
}

const ROUTES: Record<SubjectKind, string> = { credential: "credentials", "zoom-app": "apps" };

/**
 * The one way to build a step's address: /w/[slug]/credentials/[id]/setup/[step]
 * or /w/[slug]/apps/[appId]/setup/[step]. A key the guide lacks is a bug.
 */
export function subjectStepUrl(
  slug: string,
  subject: Pick<WizardSubject, "kind" | "id" | "guide">,
  key: string,
): string {
  if (!subject.guide.keys.includes(key))
    throw new Error(`The ${subject.guide.method} guide has no step "${key}".`);
  return `/w/${slug}/${ROUTES[subject.kind]}/${subject.id}/setup/${key}`;
}
