"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { prepareMemberConnectAction } from "@/app/_actions/prepare-member-connect";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/actions/action-state";

type App = { id: string; name: string; zoomUsers: string[] };
type State = ActionState<{ doneHref: string }> | null;

/** One screen: the app (chosen, or the only one), a name, Connect to Zoom. No keys in sight. */
export function MemberConnectForm({
  slug,
  apps,
  retryCredentialId,
  defaultName,
}: {
  slug: string;
  apps: App[];
  retryCredentialId?: string;
  defaultName: string;
}) {
  const [state, action, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const prepared = await prepareMemberConnectAction(slug, previous, formData);
      if (prepared.ok && prepared.data) await signIn("zoom", { callbackUrl: prepared.data.doneHref });
      return prepared;
    },
    null,
  );
  const failed = state && !state.ok ? state : null;
  const only = apps.length === 1 ? apps[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {retryCredentialId && <input type="hidden" name="credentialId" value={retryCredentialId} />}
      {only ? (
        <>
          <input type="hidden" name="zoomAppId" value={only.id} />
          <p className="text-sm">
            You connect through <span className="font-medium">{only.name}</span>, the workspace’s Zoom app.
          </p>
          <SameUserWarning app={only} />
        </>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Which Zoom app?</legend>
          {apps.map((app) => (
            <label
              key={app.id}
              className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <span className="flex items-center gap-3 text-sm font-medium">
                <input
                  type="radio"
                  name="zoomAppId"
                  value={app.id}
                  defaultChecked={(failed?.values.zoomAppId ?? apps[0]?.id) === app.id}
                  className="h-4 w-4 accent-brand-600"
                />
                {app.name}
              </span>
              <SameUserWarning app={app} />
            </label>
          ))}
        </fieldset>
      )}
      <TextField
        label="Credential name"
        name="name"
        required
        defaultValue={failed?.values.name ?? defaultName}
        error={failed?.fieldErrors.name}
        hint="How you and your admins will recognise this connection, for example “My Zoom”."
      />
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? "Opening Zoom…" : "Connect to Zoom"}
      </Button>
    </form>
  );
}

function SameUserWarning({ app }: { app: App }) {
  if (app.zoomUsers.length === 0) return null;
  return (
    <Alert tone="warning" title="Some Zoom users are already connected through this app">
      {app.zoomUsers.join(", ")}. If you sign in to Zoom as one of them, Zoom keeps only your new connection
      and the earlier one stops working.
    </Alert>
  );
}
