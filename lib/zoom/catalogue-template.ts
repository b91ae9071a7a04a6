import type {
  AccessTokenStepKey,
  OAuthStepKey,
  S2SStepKey,
  ZoomErrorAction,
  ZoomErrorKind,
  ZoomFlow,
} from "./error-types";

/** One value per wizard (per guide). */
export type PerFlow<T> = Record<ZoomFlow, T>;

export interface MessageContext {
  flow: ZoomFlow;
  /** "step 4" for the entry's own step in the person's guide, "" when it has none. */
  step: string;
  /**
   * How to connect again in the person's guide, from its own steps and buttons:
   * "press Connect to Zoom on step 6", or "paste a new token on step 4, then
   * press Test connection on step 5" (lib/guides/step-buttons.ts).
   */
  again: string;
  detail: string | null;
  code: string | null;
  retryAfterSeconds: number | null;
}

export interface EntryTemplate {
  kind: ZoomErrorKind;
  action: ZoomErrorAction | PerFlow<ZoomErrorAction>;
  steps: { oauth: OAuthStepKey | null; s2s: S2SStepKey | null; access_token: AccessTokenStepKey | null };
  title: string;
  message: (ctx: MessageContext) => string;
}
