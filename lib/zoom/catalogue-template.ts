import type { OAuthStepKey, S2SStepKey, ZoomErrorAction, ZoomErrorKind, ZoomFlow } from "./error-types";

export interface MessageContext {
  flow: ZoomFlow;
  /** "step 4" for the entry's own step, "" when it has none. */
  step: string;
  /** "step 6": the wizard's connect step, numbered by its guide. */
  connect: string;
  detail: string | null;
  code: string | null;
  retryAfterSeconds: number | null;
}

export interface EntryTemplate {
  kind: ZoomErrorKind;
  action: ZoomErrorAction | { oauth: ZoomErrorAction; s2s: ZoomErrorAction };
  steps: { oauth: OAuthStepKey | null; s2s: S2SStepKey | null };
  title: string;
  message: (ctx: MessageContext) => string;
}
