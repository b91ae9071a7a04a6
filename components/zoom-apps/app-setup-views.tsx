import Link from "next/link";
import { saveAppSetupKeysAction } from "@/app/_actions/save-app-setup-keys";
import { saveAppSetupScopesAction } from "@/app/_actions/save-app-setup-scopes";
import { buttonClasses } from "@/components/ui/button";
import { ClientCredentialsForm } from "@/components/wizard/client-credentials-form";
import { ScopesForm } from "@/components/wizard/scopes-form";
import { CopyUrlsStepBody, InfoStep } from "@/components/wizard/steps/read-steps";
import type { StepViews } from "@/components/wizard/steps/step-props";
import { choicesForScopes, splitScopes } from "@/lib/guides/scopes";
import type { AppSetupStepView } from "@/lib/zoom-apps/app-setup";
import { activeClientId, pairOf } from "@/lib/zoom-apps/find-zoom-app";

type Props = { view: AppSetupStepView };

// The wizard's own forms, pointed at the app's actions (the app's id in the hidden field instead of a credential's).
const formProps = ({ view }: Props) => ({
  slug: view.slug,
  credentialId: view.app.id,
  backHref: view.backHref,
  idField: "zoomAppId",
});

function AppKeysStep({ view }: Props) {
  return (
    <ClientCredentialsForm
      {...formProps({ view })}
      clientId={activeClientId(view.app)}
      pair={pairOf(view.app)}
      hasSecret={view.app.hasClientSecret}
      action={saveAppSetupKeysAction}
    />
  );
}

function AppScopesStep({ view }: Props) {
  return (
    <ScopesForm
      {...formProps({ view })}
      chosen={choicesForScopes(splitScopes(view.app.scopes))}
      action={saveAppSetupScopesAction}
    />
  );
}

function AppSavedStep({ view }: Props) {
  return (
    <div className="flex flex-wrap gap-3">
      <Link href={`/w/${view.slug}/apps/${view.app.id}`} className={buttonClasses("primary")}>
        Open the app’s page
      </Link>
      <Link href={`/w/${view.slug}/apps`} className={buttonClasses("secondary")}>
        Back to Zoom apps
      </Link>
    </div>
  );
}

/**
 * "Add a Zoom app"'s view of each step kind it has. A kind missing here has
 * no place in its guide (lib/guides/guides.test.ts), so no step shows a
 * button its action would refuse.
 */
export const APP_SETUP_VIEWS = {
  info: { Body: InfoStep },
  "copy-urls": { Body: CopyUrlsStepBody },
  "client-credentials": { Body: AppKeysStep },
  scopes: { Body: AppScopesStep },
  done: { Body: AppSavedStep },
} satisfies StepViews<AppSetupStepView>;
