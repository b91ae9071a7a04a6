"use client";

import { useActionState } from "react";
import { saveWebhookAction } from "@/app/_actions/save-webhook";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { TextField } from "@/components/ui/text-field";

export function WebhookForm({ slug, currentUrl }: { slug: string; currentUrl: string | null }) {
  const [state, action, pending] = useActionState(saveWebhookAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  const secret = state?.ok ? state.data?.secret : null;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3" noValidate>
        <TextField
          label="Webhook URL"
          name="url"
          type="url"
          defaultValue={failed?.values.url ?? currentUrl ?? ""}
          error={failed?.fieldErrors.url}
          hint="An https:// address of yours that accepts POST requests with JSON."
          className="max-w-xl"
        />
        {currentUrl && (
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="newSecret"
              defaultChecked={failed?.values.newSecret === "on"}
              className="h-4 w-4 rounded border-slate-300"
            />
            New signing secret (the old one stops working at once)
          </label>
        )}
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save webhook"}
          </Button>
        </div>
      </form>
      {failed && !failed.fieldErrors.url && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && !secret && <Alert tone="success">{state.message}</Alert>}
      {secret && (
        <div className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-4">
          <p className="text-sm text-green-900">
            {state?.ok && state.message} <strong>Copy the signing secret now: it is shown only once.</strong>{" "}
            Your receiver uses it to check that each delivery came from this app.
          </p>
          <CopyField label="Signing secret" value={secret} />
        </div>
      )}
    </div>
  );
}
