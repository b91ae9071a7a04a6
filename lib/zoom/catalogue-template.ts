import type { ZoomErrorAction, ZoomErrorKind } from "./error-types";
import type { OAuthStepKey, S2SStepKey, ZoomFlow } from "./wizard-steps";

export interface MessageContext {
  flow: ZoomFlow;
  /** "step 4" for the entry's own step, "" when it has none. */
  step: string;
  /** Connecting is step 6 in both wizards; computed so it cannot drift. */
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
