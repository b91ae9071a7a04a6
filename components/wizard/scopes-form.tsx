"use client";

import { useActionState } from "react";
import { saveScopesAction } from "@/app/_actions/save-scopes";
import { Alert } from "@/components/ui/alert";
import type { SetupFormAction } from "./setup-form-action";
import { SCOPE_CHOICES } from "@/lib/guides/scopes";
import { WizardSubmit } from "./wizard-submit";

/** The scopes step: what the connection may do, with the scope names to add in Zoom. */
export function ScopesForm({
  slug,
  credentialId,
  chosen,
  backHref,
  action: save = saveScopesAction,
  idField = "credentialId",
}: {
  slug: string;
  credentialId: string;
  chosen: string[];
  backHref: string | null;
  /** Another guided setup's own action (the app setup), and the hidden field naming what it sets up. */
  action?: SetupFormAction;
  idField?: string;
}) {
  const [state, action, pending] = useActionState(save.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name={idField} value={credentialId} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">What should this connection be able to do?</legend>
        {SCOPE_CHOICES.map((choice) => (
          <label
            key={choice.id}
            className="flex gap-3 rounded-md border border-slate-200 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="checkbox"
              name="scope"
              value={choice.id}
              defaultChecked={choice.required || chosen.includes(choice.id)}
              disabled={choice.required}
              aria-describedby={`scope-${choice.id}-names`}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span className="flex flex-col gap-0.5 text-sm">
              <span className="font-medium">
                {choice.label}
                {choice.required && (
                  <span className="ml-2 text-xs font-normal text-slate-500">(always needed)</span>
                )}
              </span>
              <span className="text-slate-600">{choice.description}</span>
              <span id={`scope-${choice.id}-names`} className="font-mono text-xs text-slate-700">
                Add in Zoom: {choice.granular.join(", ")}{" "}
                <span className="text-slate-500">· older apps: {choice.classic.join(", ")}</span>
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <WizardSubmit backHref={backHref} pending={pending} />
    </form>
  );
}
