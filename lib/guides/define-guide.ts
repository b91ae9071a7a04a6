import type { Guide, GuideMethod, GuideStep } from "./types";

type GuideSpec<K extends string> = {
  method: GuideMethod;
  title: string;
  steps: readonly [GuideStep<K>, ...GuideStep<K>[]];
  reconnectStep: NoInfer<K>;
};

// Words may point at another step as "{step:redirect}"; it becomes "step 3" here,
// so inserting a step renumbers the guide's own text too.
const STEP_REFERENCE = /\{step:([a-z0-9-]+)\}/g;

/**
 * The one place a wizard's steps are declared. Keys are inferred as literal
 * types, so every other file (gate, URLs, error catalogue) names a step only
 * in ways the compiler checks against this guide.
 */
export function defineGuide<const K extends string>(spec: GuideSpec<K>): Guide<K> {
  const keys = spec.steps.map((step) => step.key) as unknown as readonly [K, ...K[]];
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) throw new Error(`Guide "${spec.method}" has two steps with the key "${duplicate}".`);

  const resolve = (text: string): string =>
    text.replace(STEP_REFERENCE, (_, key: string) => {
      const index = keys.indexOf(key as K);
      if (index < 0) throw new Error(`Guide "${spec.method}" refers to an unknown step "${key}".`);
      return `step ${index + 1}`;
    });
  const steps = spec.steps.map((step) => ({
    ...step,
    summary: resolve(step.summary),
    instructions: step.instructions.map((i) => ({
      text: resolve(i.text),
      ...(i.detail !== undefined && { detail: resolve(i.detail) }),
    })),
    ...(step.notes && { notes: step.notes.map(resolve) }),
  }));
  return { method: spec.method, title: spec.title, steps, keys, reconnectStep: spec.reconnectStep };
}
