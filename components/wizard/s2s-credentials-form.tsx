"use client";

import { useActionState } from "react";
import { saveS2SCredentialsAction } from "@/app/_actions/save-s2s-credentials";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { ClientSecretField } from "./client-secret-field";
import { WizardSubmit } from "./wizard-submit";

export function S2SCredentialsForm({
  slug,
  credentialId,
  accountId,
  clientId,
  hasSecret,
  backHref,
}: {
  slug: string;
  credentialId: string;
  accountId: string | null;
  clientId: string | null;
  hasSecret: boolean;
  backHref: string | null;
}) {
  const [state, action, pending] = useActionState(saveS2SCredentialsAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="credentialId" value={credentialId} />
      {failed && <Alert tone="error">{failed.message}</Alert>}
      <TextField
        label="Account ID"
        name="accountId"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={failed?.values.accountId ?? accountId ?? ""}
        error={failed?.fieldErrors.accountId}
      />
      <TextField
        label="Client ID"
        name="clientId"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={failed?.values.clientId ?? clientId ?? ""}
        error={failed?.fieldErrors.clientId}
      />
      <ClientSecretField hasSecret={hasSecret} error={failed?.fieldErrors.clientSecret} />
      <WizardSubmit backHref={backHref} pending={pending} />
    </form>
  );
}
