"use client";

import { useActionState } from "react";
import { startCredentialAction } from "@/app/_actions/start-credential";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

const METHODS = [
  {
    value: "oauth",
    title: "OAuth",
    badge: "Recommended",
    description: "Each person allows access to their own Zoom account. Tokens renew by themselves.",
    available: true,
  },
  {
    value: "s2s",
    title: "Server-to-Server OAuth",
    description: "One app for your whole Zoom account, with an Account ID. Replaces JWT apps.",
    available: true,
  },
  {
    value: "access_token",
    title: "Access Token",
    badge: "Legacy",
    description: "Paste a token from an old JWT app. Zoom retired these in 2023.",
    available: true,
  },
] as const;

export function NewCredentialForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(startCredentialAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  const chosen = failed?.values.method ?? "oauth";
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      {failed && <Alert tone="error">{failed.message}</Alert>}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium">How do you want to connect?</legend>
        {METHODS.map((method) => (
          <label
            key={method.value}
            className={`flex gap-3 rounded-lg border p-4 ${method.available ? "cursor-pointer border-slate-200 bg-white has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50" : "border-dashed border-slate-200 bg-slate-50 text-slate-500"}`}
          >
            <input
              type="radio"
              name="method"
              value={method.value}
              defaultChecked={method.value === chosen}
              disabled={!method.available}
              aria-labelledby={`method-${method.value}`}
              aria-describedby={`method-${method.value}-description`}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span className="flex flex-col gap-0.5 text-sm">
              <span className="font-medium">
                <span id={`method-${method.value}`}>{method.title}</span>
                {"badge" in method && (
                  <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-normal text-slate-700">
                    {method.badge}
                  </span>
                )}
                {!method.available && <span className="ml-2 text-xs font-normal">(coming soon)</span>}
              </span>
              <span id={`method-${method.value}-description`}>{method.description}</span>
            </span>
          </label>
        ))}
        {failed?.fieldErrors.method && <p className="text-sm text-red-700">{failed.fieldErrors.method}</p>}
      </fieldset>
      <TextField
        label="Credential name"
        name="name"
        required
        defaultValue={failed?.values.name}
        error={failed?.fieldErrors.name}
        hint="A name your team will recognise, for example “Marketing webinars”."
      />
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? "Starting…" : "Start setup"}
      </Button>
    </form>
  );
}
