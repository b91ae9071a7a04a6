import { db } from "@/lib/db/client";
import { choicesForScopes, splitScopes } from "@/lib/guides/scopes";
import { ClientCredentialsForm } from "../client-credentials-form";
import { S2SCredentialsForm } from "../s2s-credentials-form";
import { ScopesForm } from "../scopes-form";
import { TokenPasteForm } from "../token-paste-form";
import type { StepProps } from "./step-props";

// Steps that collect something. Secrets are never sent back to a form: only whether one is saved.

async function sealedColumns(credentialId: string) {
  return db().credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { clientSecretEnc: true, accessTokenEnc: true },
  });
}

export async function ClientCredentialsStep({ view }: StepProps) {
  const sealed = await sealedColumns(view.credential.id);
  return (
    <ClientCredentialsForm
      slug={view.slug}
      credentialId={view.credential.id}
      clientId={view.credential.clientId}
      hasSecret={Boolean(sealed.clientSecretEnc)}
      backHref={view.backHref}
    />
  );
}

export function ScopesStep({ view }: StepProps) {
  return (
    <ScopesForm
      slug={view.slug}
      credentialId={view.credential.id}
      chosen={choicesForScopes(splitScopes(view.credential.requestedScopes))}
      backHref={view.backHref}
    />
  );
}

export async function S2SCredentialsStep({ view }: StepProps) {
  const sealed = await sealedColumns(view.credential.id);
  return (
    <S2SCredentialsForm
      slug={view.slug}
      credentialId={view.credential.id}
      accountId={view.credential.accountId}
      clientId={view.credential.clientId}
      hasSecret={Boolean(sealed.clientSecretEnc)}
      backHref={view.backHref}
    />
  );
}

export async function TokenPasteStep({ view }: StepProps) {
  const sealed = await sealedColumns(view.credential.id);
  return (
    <TokenPasteForm
      slug={view.slug}
      credentialId={view.credential.id}
      hasToken={Boolean(sealed.accessTokenEnc)}
      backHref={view.backHref}
    />
  );
}
