// The wizard steps are declared once here so that error messages can name the
// step a person has to go back to ("step 4") and never drift from the wizard.

export const OAUTH_STEPS = [
  "marketplace",
  "app-type",
  "redirect",
  "credentials",
  "scopes",
  "connect",
  "done",
] as const;

export const S2S_STEPS = [
  "s2s-marketplace",
  "s2s-credentials",
  "s2s-information",
  "s2s-scopes",
  "s2s-activate",
  "s2s-connect",
] as const;

export type OAuthStepKey = (typeof OAUTH_STEPS)[number];
export type S2SStepKey = (typeof S2S_STEPS)[number];
export type WizardStepKey = OAuthStepKey | S2SStepKey;

/** Which wizard a message is written for; numbering differs between them. */
export type ZoomFlow = "oauth" | "s2s";

function isOAuthStep(key: WizardStepKey): key is OAuthStepKey {
  return (OAUTH_STEPS as readonly string[]).includes(key);
}

/** The 1-based number users see for a step. */
export function stepNumber(key: WizardStepKey): number {
  const index = isOAuthStep(key) ? OAUTH_STEPS.indexOf(key) : S2S_STEPS.indexOf(key);
  return index + 1;
}

/** "step 4" — the words messages use to point at a step. */
export function stepLabel(key: WizardStepKey): string {
  return `step ${stepNumber(key)}`;
}
