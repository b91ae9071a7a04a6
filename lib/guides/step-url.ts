import { firstUnfinishedStep, formStep, nextStepKey, parseStep, stepLabel } from "./progress";
import { subjectStepUrl } from "@/lib/wizard/subject";
import type { Guide, StepKind } from "./types";

/**
 * A credential wizard step's address (app/w/[slug]/credentials/[id]/setup/[step]),
 * built by the wizard engine (lib/wizard/subject.ts). The compiler checks `key`
 * against the guide; callers holding a guide of any method (string keys) get
 * the same check at run time.
 */
export function wizardStepUrl<K extends string>(
  slug: string,
  credentialId: string,
  guide: Guide<K>,
  key: NoInfer<K>,
): string {
  return subjectStepUrl(slug, { kind: "credential", id: credentialId, guide }, key);
}

/** "Continue setup": the first step the person has not finished yet. */
export function continueSetupUrl(
  slug: string,
  credential: { id: string; wizardStep: string | null },
  guide: Guide,
) {
  return wizardStepUrl(slug, credential.id, guide, firstUnfinishedStep(guide, credential.wizardStep).key);
}

/** Where a form's action sends people once its step is done: the guide's next step. */
export function urlAfterForm<K extends string>(
  slug: string,
  credentialId: string,
  guide: Guide<K>,
  kind: Exclude<StepKind, "info">,
): string {
  return wizardStepUrl(slug, credentialId, guide, nextStepKey(guide, formStep(guide, kind).key));
}

/**
 * "Go to step 4": the link an error shows to the step that fixes it. Only an
 * earlier step gets one (those are always open to someone on `current`); a
 * fix on this very step, or a key this guide does not have, gets none.
 */
export function fixStepLink<K extends string>(
  slug: string,
  credentialId: string,
  guide: Guide<K>,
  current: NoInfer<K>,
  fix: string | null,
): { href: string; label: string } | null {
  const key = parseStep(guide, fix);
  if (!key || guide.keys.indexOf(key) >= guide.keys.indexOf(current)) return null;
  return { href: wizardStepUrl(slug, credentialId, guide, key), label: `Go to ${stepLabel(guide, key)}` };
}

export type FixLinks = Partial<Record<string, { href: string; label: string }>>;

/**
 * Every "Go to step N" link a page may show, by step key, so a client-side
 * answer (the "Zoom showed me an error" field) can pick one without knowing
 * the routes. From a wizard step (`current`): only earlier steps, as
 * `fixStepLink`; from the credential's own page (null): every step but the last.
 */
export function fixStepLinks<K extends string>(
  slug: string,
  credentialId: string,
  guide: Guide<K>,
  current: NoInfer<K> | null,
): FixLinks {
  const links: FixLinks = {};
  guide.keys.slice(0, -1).forEach((key, index) => {
    if (current !== null && index >= guide.keys.indexOf(current)) return;
    links[key] = {
      href: wizardStepUrl(slug, credentialId, guide, key),
      label: `Go to ${stepLabel(guide, key)}`,
    };
  });
  return links;
}
