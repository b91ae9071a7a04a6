/**
 * A wizard is data: each step says what to do in plain words, what to copy
 * and what to collect. The UI renders any guide; the `kind` picks the form a
 * step needs (most steps are "info": read, do it on Zoom, press Next). The
 * kinds are declared in one place, lib/guides/step-kinds.ts.
 */
import type { StepKind } from "./step-kinds";

export { STEP_KINDS, type StepKind } from "./step-kinds";

export type Instruction = { text: string; detail?: string };

export type GuideStep<K extends string = string> = {
  /** Stable: stored as progress (Credential.wizardStep) and used in URLs. */
  key: K;
  kind: StepKind;
  title: string;
  /** One sentence under the title: the single thing to do here. */
  summary: string;
  instructions: Instruction[];
  illustration?: { src: string; alt: string };
  /** Shown in a side note: older screens, common mistakes. */
  notes?: string[];
  /** An external page this step opens (the Marketplace). */
  link?: { href: string; label: string };
};

export type GuideMethod = "oauth" | "s2s" | "access_token";

export type Guide<K extends string = string> = {
  method: GuideMethod;
  title: string;
  steps: readonly GuideStep<K>[];
  /** The keys in order: the one list everything else (z.enum, numbers, URLs) derives from. */
  keys: readonly [K, ...K[]];
  /** Where "Reconnect" on a connected credential sends people. */
  reconnectStep: K;
};

/** The step keys of one guide, e.g. `StepKey<typeof oauthGuide>`. */
export type StepKey<G extends Guide> = G["keys"][number];
