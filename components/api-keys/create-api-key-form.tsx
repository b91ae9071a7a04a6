"use client";

import { startTransition, useActionState } from "react";
import { createApiKeyAction } from "@/app/_actions/create-api-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { TextField } from "@/components/ui/text-field";
import { KeyLimitsFields, type ConnectionChoice } from "./key-limits-fields";

export function CreateApiKeyForm({ slug, connections }: { slug: string; connections: ConnectionChoice[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="flex flex-col gap-4">
      <form
        action={action}
        // Submitted by hand so React does not reset the form: a refusal keeps every choice.
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => action(data));
        }}
        className="flex flex-col gap-4"
        noValidate
      >
        <TextField
          label="Key name"
          name="name"
          defaultValue={failed?.values.name}
          error={failed?.fieldErrors.name}
          hint="Where it will be used, e.g. “n8n production”."
          className="max-w-sm"
        />
        {/* A made key starts the next one from the defaults; a refusal keeps the choices. */}
        <KeyLimitsFields
          key={state?.ok ? state.data?.prefix : "new"}
          connections={connections}
          errors={failed?.fieldErrors ?? {}}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create API key"}
          </Button>
        </div>
      </form>
      {failed && Object.keys(failed.fieldErrors).length === 0 && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && state.data && (
        <div className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-4">
          <p className="text-sm text-green-900">
            Your new key “{state.data.name}”. <strong>Copy it now: it is shown only once.</strong> Only a
            fingerprint of it is stored.
          </p>
          <CopyField label="API key" value={state.data.key} />
        </div>
      )}
    </div>
  );
}
