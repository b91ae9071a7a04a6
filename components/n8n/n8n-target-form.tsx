"use client";

import { useActionState } from "react";
import { saveN8nTargetAction } from "@/app/_actions/save-n8n-target";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** n8n's address and a public-API key; the key is never shown again, so the field always starts empty. */
export function N8nTargetForm({ slug, currentUrl }: { slug: string; currentUrl: string | null }) {
  const [state, action, pending] = useActionState(saveN8nTargetAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3" noValidate>
        <TextField
          label="n8n URL"
          name="baseUrl"
          type="url"
          defaultValue={failed?.values.baseUrl ?? currentUrl ?? ""}
          error={failed?.fieldErrors.baseUrl}
          hint="The address you open n8n at, like https://n8n.example.com."
          className="max-w-xl"
        />
        <TextField
          label="n8n API key"
          name="apiKey"
          type="password"
          autoComplete="off"
          error={failed?.fieldErrors.apiKey}
          hint={
            "In n8n: Settings → n8n API → Create an API key, with the scopes credential:create, " +
            "credential:read and credential:update." +
            (currentUrl ? " Enter it again to change the address or the key." : "")
          }
          className="max-w-xl"
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Checking with n8n…" : "Save and check"}
          </Button>
        </div>
      </form>
      {failed && !failed.fieldErrors.baseUrl && !failed.fieldErrors.apiKey && (
        <Alert tone="error">{failed.message}</Alert>
      )}
      {state?.ok && <Alert tone="success">{state.message}</Alert>}
    </div>
  );
}
