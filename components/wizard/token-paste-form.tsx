"use client";

import { useActionState, useId } from "react";
import { saveAccessTokenAction } from "@/app/_actions/save-access-token";
import { Alert } from "@/components/ui/alert";
import { WizardSubmit } from "./wizard-submit";

export function TokenPasteForm({
  slug,
  credentialId,
  hasToken,
  backHref,
}: {
  slug: string;
  credentialId: string;
  hasToken: boolean;
  backHref: string | null;
}) {
  const [state, action, pending] = useActionState(saveAccessTokenAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  const id = useId();
  const error = failed?.fieldErrors.accessToken;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="credentialId" value={credentialId} />
      {failed && !error && <Alert tone="error">{failed.message}</Alert>}
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Access token
        </label>
        <textarea
          id={id}
          name="accessToken"
          rows={5}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
          placeholder={hasToken ? "A token is saved — paste a new one to replace it" : "eyJhbGciOi…"}
          className={`rounded-md border bg-white px-3 py-2 font-mono text-xs shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}
        />
        <p id={`${id}-help`} className="text-xs text-slate-500">
          A token looks like three blocks of letters separated by dots. It is read on this server and
          encrypted; it is never shown again.
        </p>
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <WizardSubmit backHref={backHref} pending={pending} pendingLabel="Reading…" />
    </form>
  );
}
