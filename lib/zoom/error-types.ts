import type { accessTokenGuide } from "@/lib/guides/access-token-guide";
import type { oauthGuide } from "@/lib/guides/oauth-guide";
import type { s2sGuide } from "@/lib/guides/s2s-guide";
import type { GuideMethod, StepKey } from "@/lib/guides/types";

/** Which wizard a message is written for (a guide's method); its steps and buttons come from that guide. */
export type ZoomFlow = GuideMethod;
export type OAuthStepKey = StepKey<typeof oauthGuide>;
export type S2SStepKey = StepKey<typeof s2sGuide>;
export type AccessTokenStepKey = StepKey<typeof accessTokenGuide>;

/**
 * needs_person: nothing will improve until someone acts (reconnect, fix a
 * setting). temporary: Zoom or the network had a bad moment; keep every stored
 * value as it is and try again later.
 */
export type ZoomErrorKind = "needs_person" | "temporary";

export type ZoomErrorAction =
  | "reconnect"
  | "fix_secret"
  | "fix_client_id"
  | "add_scope"
  | "fix_redirect"
  | "fix_account_id"
  | "activate_app"
  | "retry"
  | "contact_admin"
  | "none";

export interface ZoomErrorEntry {
  /** Stable identifier, safe to store and to branch on. */
  id: string;
  kind: ZoomErrorKind;
  action: ZoomErrorAction;
  /** The step of the person's wizard that fixes it, if any. */
  wizardStep: OAuthStepKey | S2SStepKey | AccessTokenStepKey | null;
  title: string;
  /** Plain language, ends with the next step. */
  message: string;
  /** Zoom's own code, kept for support: "4702", "invalid_grant", "HTTP 503"… */
  zoomCode: string | null;
  httpStatus: number | null;
  retryAfterSeconds: number | null;
}
