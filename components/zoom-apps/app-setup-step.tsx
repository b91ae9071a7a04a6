import Link from "next/link";
import {
  completeAppSetupStepAction,
  saveAppSetupKeysAction,
  saveAppSetupScopesAction,
} from "@/app/_actions/zoom-app-setup-actions";
import { buttonClasses } from "@/components/ui/button";
import { ClientCredentialsForm } from "@/components/wizard/client-credentials-form";
import { CopyUrlsStep } from "@/components/wizard/copy-urls-step";
import { NextStepForm } from "@/components/wizard/next-step-form";
import { ScopesForm } from "@/components/wizard/scopes-form";
import { choicesForScopes, splitScopes } from "@/lib/guides/scopes";
import type { GuideStep } from "@/lib/guides/types";
import { activeClientId, pairOf, type ZoomAppRecord } from "@/lib/zoom-apps/find-zoom-app";

/**
 * The body of one app-setup step: the wizard's own forms, pointed at the
 * app's actions (the app's id in the hidden field instead of a credential's).
 */
export function AppSetupStepBody({
  slug,
  app,
  step,
  backHref,
}: {
  slug: string;
  app: ZoomAppRecord;
  step: GuideStep;
  backHref: string | null;
}) {
  const common = { slug, credentialId: app.id, backHref, idField: "zoomAppId" };
  const next = <NextStepForm {...common} step={step.key} action={completeAppSetupStepAction} />;
  switch (step.kind) {
    case "client-credentials":
      return (
        <ClientCredentialsForm
          {...common}
          clientId={activeClientId(app)}
          pair={pairOf(app)}
          hasSecret={app.hasClientSecret}
          action={saveAppSetupKeysAction}
        />
      );
    case "scopes":
      return (
        <ScopesForm
          {...common}
          chosen={choicesForScopes(splitScopes(app.scopes))}
          action={saveAppSetupScopesAction}
        />
      );
    case "copy-urls":
      return (
        <>
          <CopyUrlsStep />
          {next}
        </>
      );
    case "done":
      return (
        <div className="flex flex-wrap gap-3">
          <Link href={`/w/${slug}/apps/${app.id}`} className={buttonClasses("primary")}>
            Open the app’s page
          </Link>
          <Link href={`/w/${slug}/apps`} className={buttonClasses("secondary")}>
            Back to Zoom apps
          </Link>
        </div>
      );
    default:
      return next;
  }
}
