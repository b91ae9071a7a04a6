"use client";

import { useActionState } from "react";
import { deleteZoomAppAction } from "@/app/_actions/delete-zoom-app";
import { replaceAppSecretAction } from "@/app/_actions/replace-app-secret";
import { shareZoomAppAction } from "@/app/_actions/share-zoom-app";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { TextField } from "@/components/ui/text-field";

type App = { id: string; name: string; shared: boolean; connections: number };

/** Sharing, a new Client Secret and deleting: what an admin changes on a Zoom app. */
export function ZoomAppAdminActions({ slug, app }: { slug: string; app: App }) {
  const [state, replace, pending] = useActionState(replaceAppSecretAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  const everyone =
    app.connections === 0
      ? "No credential uses it yet."
      : `It applies to all ${app.connections === 1 ? "1 credential" : `${app.connections} credentials`} of this app at once.`;
  return (
    <section
      aria-labelledby="manage-app-title"
      className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="manage-app-title" className="text-lg font-semibold">
        Manage the app
      </h2>
      {!app.shared && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">
            Only the person who made this app connects through it. Share it, and every member can connect
            their own Zoom account through it.
          </p>
          <ConfirmActionButton
            action={shareZoomAppAction.bind(null, slug)}
            field="zoomAppId"
            value={app.id}
            label="Share with the workspace"
            title={`Share “${app.name}” with the workspace?`}
            description="Every member can then connect their Zoom account through this app. Its keys stay hidden from them."
            confirmLabel="Share"
          />
        </div>
      )}
      <form action={replace} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="zoomAppId" value={app.id} />
        {failed && <Alert tone="error">{failed.message}</Alert>}
        {state?.ok && <Alert tone="success">{state.message}</Alert>}
        <TextField
          label="New Client Secret"
          name="clientSecret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          error={failed?.fieldErrors.clientSecret}
          hint={`After “Regenerate” in Zoom, paste the new secret here. ${everyone}`}
        />
        <Button type="submit" variant="secondary" disabled={pending} className="w-fit">
          Replace Client Secret
        </Button>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
        <p className="text-sm text-slate-600">
          {app.connections > 0
            ? "An app with credentials cannot be deleted: disconnect or delete them first (Credentials)."
            : "Deleting removes the app and its secrets from here (not from Zoom)."}
        </p>
        <ConfirmActionButton
          action={deleteZoomAppAction.bind(null, slug)}
          field="zoomAppId"
          value={app.id}
          label="Delete app"
          title={`Delete “${app.name}”?`}
          description="Its keys and Secret Token are deleted from this app. Delete the app in the Zoom Marketplace too if nobody needs it."
          confirmLabel="Delete app"
        />
      </div>
    </section>
  );
}
