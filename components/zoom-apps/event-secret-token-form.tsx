"use client";

import { useActionState } from "react";
import { saveEventSecretTokenAction } from "@/app/_actions/save-event-secret-token";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** The event Secret Token: written once, encrypted, never shown again — only replaced. */
export function EventSecretTokenForm({
  slug,
  zoomAppId,
  hasToken,
}: {
  slug: string;
  zoomAppId: string;
  hasToken: boolean;
}) {
  const [state, action, pending] = useActionState(saveEventSecretTokenAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="zoomAppId" value={zoomAppId} />
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && <Alert tone="success">{state.message}</Alert>}
      <TextField
        label="Secret Token"
        name="secretToken"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required={!hasToken}
        placeholder={hasToken ? "•••••••• saved — paste a new one to replace it" : undefined}
        error={failed?.fieldErrors.secretToken}
        hint={
          hasToken
            ? "A Secret Token is saved (encrypted). Paste a new one only if you regenerated it in Zoom."
            : "It is encrypted as soon as you save it and never shown again."
        }
      />
      <Button type="submit" disabled={pending} className="w-fit">
        Save Secret Token
      </Button>
    </form>
  );
}
