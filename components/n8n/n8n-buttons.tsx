"use client";

import { startTransition, useActionState } from "react";
import { removeN8nTargetAction } from "@/app/_actions/remove-n8n-target";
import { startUsingInN8nAction } from "@/app/_actions/start-using-in-n8n";
import { stopUsingInN8nAction } from "@/app/_actions/stop-using-in-n8n";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/text-field";

export function RemoveN8nTargetButton({ slug }: { slug: string }) {
  return (
    <ConfirmActionButton
      action={removeN8nTargetAction.bind(null, slug)}
      field="confirm"
      value="yes"
      label="Remove n8n"
      title="Remove this workspace's n8n?"
      description="Its API key is deleted. Connections can no longer be used in n8n until an admin adds it again."
      confirmLabel="Remove n8n"
    />
  );
}

/** "Use in n8n": a new n8n credential named after the connection, or an existing one by its id. */
export function UseInN8nForm({ slug, credentialId }: { slug: string; credentialId: string }) {
  const [state, action, pending] = useActionState(startUsingInN8nAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="credentialId" value={credentialId} />
      <TextField
        label="Existing n8n credential ID (optional)"
        name="n8nCredentialId"
        defaultValue={failed?.values.n8nCredentialId ?? ""}
        error={failed?.fieldErrors.n8nCredentialId}
        hint="Leave empty to create a new Zoom credential in n8n. To reuse one, copy its id from its address in n8n (…/credentials/<id>)."
        className="max-w-md"
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Giving n8n the token…" : "Use in n8n"}
        </Button>
      </div>
      {failed && !failed.fieldErrors.n8nCredentialId && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}

export function StopUsingInN8nButton({
  slug,
  credentialId,
  linked,
}: {
  slug: string;
  credentialId: string;
  linked: boolean;
}) {
  const [state, run, pending] = useActionState(stopUsingInN8nAction.bind(null, slug), null);
  if (!linked && !state) return null;
  return (
    <div className="flex flex-col items-start gap-2">
      {linked && (
        <ConfirmButton
          label="Stop using in n8n"
          title="Stop using this connection in n8n?"
          description="The token in the n8n credential is emptied, so Zoom nodes using it stop working. The Zoom connection itself stays as it is."
          confirmLabel="Stop using in n8n"
          disabled={pending}
          onConfirm={() => {
            const data = new FormData();
            data.set("credentialId", credentialId);
            startTransition(() => run(data));
          }}
        />
      )}
      {state && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
    </div>
  );
}
