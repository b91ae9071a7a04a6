import type { WizardStepKey } from "@/lib/zoom/wizard-steps";

/**
 * A wizard is data: each step says what to do in plain words, what to copy
 * and what to collect. The UI renders any guide; the `kind` picks the form a
 * step needs (most steps are "info": read, do it on Zoom, press Next).
 */
export type StepKind = "info" | "copy-urls" | "client-credentials" | "scopes" | "connect" | "done";

export type Instruction = { text: string; detail?: string };

export type GuideStep = {
  key: WizardStepKey;
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

export type Guide = { method: "oauth" | "s2s" | "access_token"; title: string; steps: readonly GuideStep[] };
