import type { Guide, GuideStep } from "./types";

/**
 * Where a person may be in a wizard. `completed` is the furthest step they
 * finished (stored on the credential); anything past the first unfinished
 * step is out of reach, whatever the URL says.
 */
export function stepIndex(guide: Guide, key: string | null | undefined): number {
  return key ? guide.steps.findIndex((step) => step.key === key) : -1;
}

export function firstUnfinishedStep(guide: Guide, completed: string | null | undefined): GuideStep {
  const index = Math.min(stepIndex(guide, completed) + 1, guide.steps.length - 1);
  return guide.steps[Math.max(index, 0)]!;
}

export function canOpenStep(guide: Guide, completed: string | null | undefined, key: string): boolean {
  const target = stepIndex(guide, key);
  return target >= 0 && target <= stepIndex(guide, firstUnfinishedStep(guide, completed).key);
}

export function neighbours(
  guide: Guide,
  key: string,
): { previous: GuideStep | null; next: GuideStep | null } {
  const index = stepIndex(guide, key);
  return { previous: guide.steps[index - 1] ?? null, next: guide.steps[index + 1] ?? null };
}

/** The furthest of two progress marks, so going Back never forgets progress. */
export function furthest(guide: Guide, a: string | null | undefined, b: string): string {
  return stepIndex(guide, a) >= stepIndex(guide, b) ? (a as string) : b;
}
