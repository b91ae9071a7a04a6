import { defineGuide } from "@/lib/guides/define-guide";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import type { GuideStep, StepKey } from "@/lib/guides/types";
import { subjectStepUrl } from "@/lib/wizard/subject";

type OAuthKey = StepKey<typeof oauthGuide>;

// The OAuth wizard's own Marketplace steps, word for word: one source for both.
function step<K extends OAuthKey>(key: K): GuideStep<K> {
  const found = oauthGuide.steps.find((s) => s.key === key);
  if (!found) throw new Error(`The OAuth guide has no step "${key}".`);
  return found as GuideStep<K>;
}

/**
 * "Add a Zoom app": an admin builds the app in the Marketplace once — create,
 * redirect URL, keys, scopes — and saves it for the workspace without
 * connecting anyone. Its steps are the OAuth guide's; only the end differs.
 */
export const appSetupGuide = defineGuide({
  method: "oauth",
  title: "Add a Zoom app",
  steps: [
    step("marketplace"),
    step("app-type"),
    step("redirect"),
    step("credentials"),
    step("scopes"),
    {
      key: "saved",
      kind: "done",
      title: "App saved",
      summary:
        "The Zoom app is saved for the workspace. Members can now connect their Zoom accounts through it.",
      instructions: [],
    },
  ],
  reconnectStep: "credentials",
});

export type AppSetupKey = StepKey<typeof appSetupGuide>;

/** An app-setup step's address (app/w/[slug]/apps/[appId]/setup/[step]), built by the wizard engine. */
export function appSetupUrl(slug: string, zoomAppId: string, key: AppSetupKey): string {
  return subjectStepUrl(slug, { kind: "zoom-app", id: zoomAppId, guide: appSetupGuide }, key);
}
