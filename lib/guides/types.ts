/**
 * A wizard is data: each step says what to do in plain words, what to copy
 * and what to collect. The UI renders any guide; the `kind` picks the form a
 * step needs (most steps are "info": read, do it on Zoom, press Next).
 */
export type StepKind =
  | "info"
  | "copy-urls"
  | "client-credentials"
  | "scopes"
  | "connect"
  | "s2s-credentials"
  | "s2s-connect"
  | "jwt-notice"
  | "token-paste"
  | "token-test"
  | "done";

export type Instruction = { text: string; detail?: string };

export type GuideStep = {
  /** Stable: stored as progress and used in URLs. OAuth and S2S keys match lib/zoom/wizard-steps.ts. */
  key: string;
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
