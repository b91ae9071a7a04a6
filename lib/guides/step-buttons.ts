import { stepLabel, stepOfKind } from "./progress";
import { STEP_BUTTONS } from "./step-kinds";
import type { Guide } from "./types";

// Messages that tell a person to press a button take its name from the step
// kinds (lib/guides/step-kinds.ts), with the step's number from the guide
// they are in, so a message never sends someone to a button their wizard lacks.

/** The steps where a wizard talks to Zoom and the connection is made (or tried again). */
const CONNECTING_KINDS = ["connect", "s2s-connect", "token-test"] as const;

/** "press Connect to Zoom on step 6": the button of one step of this guide. */
export function pressOn<K extends string>(guide: Guide<K>, key: NoInfer<K>): string {
  const step = guide.steps.find((s) => s.key === key);
  const button = step ? STEP_BUTTONS[step.kind] : null;
  if (!step || !button) throw new Error(`Step "${key}" of the ${guide.method} guide has no button.`);
  return `press ${button} on ${stepLabel(guide, key)}`;
}

/**
 * How a person connects again in this guide, in its own steps and buttons:
 * "press Connect to Zoom on step 6", or for a pasted token "paste a new
 * token on step 4, then press Test connection on step 5".
 */
export function connectAgain(guide: Guide): string {
  const connecting = guide.steps.find((step) => (CONNECTING_KINDS as readonly string[]).includes(step.kind));
  if (!connecting) throw new Error(`The ${guide.method} guide has no step that connects.`);
  const press = pressOn(guide, connecting.key);
  const paste = stepOfKind(guide, "token-paste");
  return paste ? `paste a new token on ${stepLabel(guide, paste.key)}, then ${press}` : press;
}
