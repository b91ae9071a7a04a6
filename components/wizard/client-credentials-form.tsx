"use client";

import { useActionState } from "react";
import { saveClientCredentialsAction } from "@/app/_actions/save-client-credentials";
import { Alert } from "@/components/ui/alert";
import type { SetupFormAction } from "./setup-form-action";
import { TextField } from "@/components/ui/text-field";
import type { ZoomAppPair } from "@/lib/zoom-apps/find-zoom-app";
import { ClientSecretField } from "./client-secret-field";
import { KeyPairChoice } from "./key-pair-choice";
import { WizardSubmit } from "./wizard-submit";

/**
 * The OAuth credentials step. The Client ID comes back from the database on reload; the secret
 * never does — once saved it is only shown as "saved", and can be replaced.
 */
export function ClientCredentialsForm({
  slug,
  credentialId,
  clientId,
  pair,
  hasSecret,
  backHref,
  action: save = saveClientCredentialsAction,
  idField = "credentialId",
}: {
  slug: string;
  credentialId: string;
  clientId: string | null;
  /** The pair saved last time (Development for a new app). */
  pair: ZoomAppPair;
  hasSecret: boolean;
  backHref: string | null;
  /** Another guided setup's own action (the app setup), and the hidden field naming what it sets up. */
  action?: SetupFormAction;
  idField?: string;
}) {
  const [state, action, pending] = useActionState(save.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name={idField} value={credentialId} />
      {failed && <Alert tone="error">{failed.message}</Alert>}
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
      <KeyPairChoice
        pair={failed ? (failed.values.pair === "production" ? "production" : "development") : pair}
        error={failed?.fieldErrors.pair}
      />
      <WizardSubmit backHref={backHref} pending={pending} />
    </form>
  );
}
