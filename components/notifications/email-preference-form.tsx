"use client";

import { useActionState } from "react";
import { saveEmailPreferenceAction } from "@/app/_actions/save-email-preference";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function EmailPreferenceForm({ slug, emailOn }: { slug: string; emailOn: boolean }) {
  const [state, action, pending] = useActionState(saveEmailPreferenceAction.bind(null, slug), null);
  // After a failed save the box shows what the person chose, not what is stored.
  const checked = state && !state.ok ? state.values.email === "on" : emailOn;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          key={String(checked)}
          type="checkbox"
          name="email"
          defaultChecked={checked}
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
        />
        <span>
          <span className="font-medium">Email me about connections</span>
          <span className="block text-slate-600">
            When a connection I own (or, as an admin, any connection of this workspace) needs reconnecting,
            expires soon, is removed in Zoom, cannot reach Zoom for over an hour, or works again.
          </span>
        </span>
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      {state && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
    </form>
  );
}
