import { z } from "zod";
import type { Guide, GuideStep, StepKind } from "./types";

/**
 * The gate: where a person may be in a wizard. The stored progress is the
 * furthest step they finished (Credential.wizardStep); anything past the
 * first unfinished step is out of reach, whatever the URL says.
 */

/**
 * A stored step (or one from a URL or a form), parsed against this guide's keys.
 * A stale or unknown value gives null: as progress that means "nothing finished
 * yet", so the person lands on the first step instead of an error.
 */
export function parseStep<K extends string>(guide: Guide<K>, stored: string | null | undefined): K | null {
  const parsed = schemaOf(guide).safeParse(stored);
  return parsed.success ? parsed.data : null;
}

// One z.enum per guide: the stepper asks the gate once per step on every render.
const schemas = new WeakMap<Guide, z.ZodType<string>>();
function schemaOf<K extends string>(guide: Guide<K>): z.ZodType<K> {
  let schema = schemas.get(guide);
  if (!schema) schemas.set(guide, (schema = z.enum(guide.keys)));
  return schema as z.ZodType<K>;
}

function indexOf<K extends string>(guide: Guide<K>, key: K | null): number {
  return key === null ? -1 : guide.keys.indexOf(key);
}

export function firstUnfinishedStep<K extends string>(
  guide: Guide<K>,
  stored: string | null | undefined,
): GuideStep<K> {
  const index = Math.min(indexOf(guide, parseStep(guide, stored)) + 1, guide.steps.length - 1);
  return guide.steps[index]!;
}

export function canOpenStep<K extends string>(
  guide: Guide<K>,
  stored: string | null | undefined,
  key: NoInfer<K>,
): boolean {
  const target = indexOf(guide, key);
  return target >= 0 && target <= indexOf(guide, firstUnfinishedStep(guide, stored).key);
}

export function neighbours<K extends string>(
  guide: Guide<K>,
  key: NoInfer<K>,
): { previous: GuideStep<K> | null; next: GuideStep<K> | null } {
  const index = indexOf(guide, key);
  return { previous: guide.steps[index - 1] ?? null, next: guide.steps[index + 1] ?? null };
}

/** The step to open once `key` is done; the last step stays where it is. */
export function nextStepKey<K extends string>(guide: Guide<K>, key: NoInfer<K>): K {
  return neighbours(guide, key).next?.key ?? key;
}

/** The furthest of the stored progress and a step just finished, so going Back never forgets progress. */
export function furthest<K extends string>(
  guide: Guide<K>,
  stored: string | null | undefined,
  key: NoInfer<K>,
): K {
  const current = parseStep(guide, stored);
  return current !== null && indexOf(guide, current) >= indexOf(guide, key) ? current : key;
}

/** The 1-based number people see for a step. */
export function stepNumber<K extends string>(guide: Guide<K>, key: NoInfer<K>): number {
  return indexOf(guide, key) + 1;
}

/** "step 4": the words messages use to point at a step. */
export function stepLabel<K extends string>(guide: Guide<K>, key: NoInfer<K>): string {
  return `step ${stepNumber(guide, key)}`;
}

/**
 * The step with a form of this kind. Code names a step by what it collects,
 * never by key: each kind but "info" appears at most once in a guide.
 */
export function stepOfKind<K extends string>(guide: Guide<K>, kind: StepKind): GuideStep<K> | null {
  return guide.steps.find((step) => step.kind === kind) ?? null;
}

/** "step 2" for the step holding a form of this kind. */
export function formStepLabel<K extends string>(guide: Guide<K>, kind: Exclude<StepKind, "info">): string {
  return stepLabel(guide, formStep(guide, kind).key);
}

/** stepOfKind for a guide known to have that form; a guide without it is a bug, not bad input. */
export function formStep<K extends string>(guide: Guide<K>, kind: Exclude<StepKind, "info">): GuideStep<K> {
  const step = stepOfKind(guide, kind);
  if (!step) throw new Error(`The ${guide.method} guide has no "${kind}" step.`);
  return step;
}
