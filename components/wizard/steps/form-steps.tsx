import { hasStoredAccessToken } from "@/lib/credentials/has-stored-token";
import { db } from "@/lib/db/client";
import { choicesForScopes, splitScopes } from "@/lib/guides/scopes";
import { activeClientId, findZoomApp, pairOf } from "@/lib/zoom-apps/find-zoom-app";
import { ClientCredentialsForm } from "../client-credentials-form";
import { S2SCredentialsForm } from "../s2s-credentials-form";
import { ScopesForm } from "../scopes-form";
import { TokenPasteForm } from "../token-paste-form";
import type { StepProps } from "./step-props";

// Steps that collect something. Secrets are never sent back to a form: only whether one is saved.

/** Whether the app's pair in use has a stored secret (never the secret itself). */
async function appHasSecret(view: StepProps["view"]) {
  const app = view.credential.zoomApp;
  return app ? (await findZoomApp(db(), view.credential.workspaceId, app.id)).hasClientSecret : false;
}

export async function ClientCredentialsStep({ view }: StepProps) {
  const app = view.credential.zoomApp;
  return (
    <ClientCredentialsForm
      slug={view.slug}
      credentialId={view.credential.id}
      clientId={app ? activeClientId(app) : null}
      pair={app ? pairOf(app) : "development"}
      hasSecret={await appHasSecret(view)}
      backHref={view.backHref}
    />
  );
}

export function ScopesStep({ view }: StepProps) {
  return (
    <ScopesForm
      slug={view.slug}
      credentialId={view.credential.id}
      chosen={choicesForScopes(splitScopes(view.credential.zoomApp?.scopes ?? ""))}
      backHref={view.backHref}
    />
  );
}

export async function S2SCredentialsStep({ view }: StepProps) {
  const app = view.credential.zoomApp;
  return (
    <S2SCredentialsForm
      slug={view.slug}
      credentialId={view.credential.id}
      accountId={app?.accountId ?? null}
      clientId={app ? activeClientId(app) : null}
      hasSecret={await appHasSecret(view)}
      backHref={view.backHref}
    />
  );
}

export async function TokenPasteStep({ view }: StepProps) {
  const hasToken = await hasStoredAccessToken(db(), view.credential.workspaceId, view.credential.id);
  return (
    <TokenPasteForm
      slug={view.slug}
      credentialId={view.credential.id}
      hasToken={hasToken}
      backHref={view.backHref}
    />
  );
}
