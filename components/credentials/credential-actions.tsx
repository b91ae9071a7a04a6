"use client";

import { startTransition, useActionState, useRef } from "react";
import { deleteCredentialAction } from "@/app/_actions/delete-credential";
import { disconnectCredentialAction } from "@/app/_actions/disconnect-credential";
import { renameCredentialAction } from "@/app/_actions/rename-credential";
import { replaceCredentialSecretAction } from "@/app/_actions/replace-credential-secret";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import {
  offersHereOnly,
  revokeSentence,
  type RemoveMode,
  type RevokeImpact,
} from "@/lib/credentials/revoke-wording";

function Result({ state }: { state: ActionState | null }) {
  if (!state) return null;
  return state.ok ? (
    state.message ? (
      <Alert tone="success">{state.message}</Alert>
    ) : null
  ) : (
    <Alert tone="error">{state.message}</Alert>
  );
}

/** Rename, replace the secret, disconnect, delete — the destructive ones ask first. */
export function CredentialActions({
  slug,
  credentialId,
  name,
  method,
  zoomApp,
  connected,
  revoke,
}: {
  slug: string;
  credentialId: string;
  name: string;
  method: string;
  /** the Zoom app whose secret this is, how many connections use it, and whether this person may change it */
  zoomApp: { name: string; connections: number; shared: boolean; mayChange: boolean } | null;
  connected: boolean;
  /** what a revoke at Zoom would do (the dialogs say it before anything happens) */
  revoke: RevokeImpact;
}) {
  const secretForm = useRef<HTMLFormElement>(null);
  // The secret is the app's: with several connections, say so before it changes for all of them.
  const shared = zoomApp && zoomApp.connections > 1 ? zoomApp : null;
  const [renameState, rename, renaming] = useActionState(renameCredentialAction.bind(null, slug), null);
  const [secretState, replaceSecret, replacing] = useActionState(
    replaceCredentialSecretAction.bind(null, slug),
    null,
  );
  const [disconnectState, disconnect, disconnecting] = useActionState(
    disconnectCredentialAction.bind(null, slug),
    null,
  );
  const [deleteState, remove, deleting] = useActionState(deleteCredentialAction.bind(null, slug), null);
  const withId =
    (run: (data: FormData) => void, mode: RemoveMode = "revoke") =>
    () => {
      const data = new FormData();
      data.set("credentialId", credentialId);
      data.set("mode", mode);
      startTransition(() => run(data));
    };
  const choice = offersHereOnly(revoke);
  const renameFailed = renameState && !renameState.ok ? renameState : null;
  const secretFailed = secretState && !secretState.ok ? secretState : null;

  return (
    <section
      aria-label="Manage credential"
      className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm md:grid-cols-2"
    >
      <form action={rename} className="flex flex-col gap-3">
        <h2 className="font-medium">Rename</h2>
        <input type="hidden" name="credentialId" value={credentialId} />
        <TextField
          label="Credential name"
          name="name"
          defaultValue={renameFailed?.values.name ?? name}
          error={renameFailed?.fieldErrors.name}
        />
        <Button type="submit" variant="secondary" disabled={renaming} className="w-fit">
          Save name
        </Button>
        {/* A failure that is not about the name (not found, no access) still needs saying. */}
        <Result
          state={renameState?.ok || (renameFailed && !renameFailed.fieldErrors.name) ? renameState : null}
        />
      </form>

      {method !== "access_token" && zoomApp && !zoomApp.mayChange && (
        <div className="flex flex-col gap-3">
          <h2 className="font-medium">Client Secret</h2>
          <p className="text-sm text-slate-600">
            {zoomApp.shared
              ? `The Client Secret belongs to the shared Zoom app “${zoomApp.name}”. After “Regenerate” in Zoom, a workspace admin replaces it on the app’s page, for every connection through it.`
              : `The Client Secret belongs to the Zoom app “${zoomApp.name}”, added by someone else: they or a workspace admin replace it.`}
          </p>
        </div>
      )}
      {method !== "access_token" && (!zoomApp || zoomApp.mayChange) && (
        <form ref={secretForm} action={replaceSecret} className="flex flex-col gap-3">
          <h2 className="font-medium">Replace Client Secret</h2>
          <input type="hidden" name="credentialId" value={credentialId} />
          <TextField
            label="Client Secret"
            name="clientSecret"
            type="password"
            autoComplete="off"
            error={secretFailed?.fieldErrors.clientSecret}
            hint={
              shared
                ? `After “Regenerate” in Zoom, paste the new secret here. It belongs to the Zoom app “${shared.name}”, so all ${shared.connections} of its connections renew with it; they keep working.`
                : "After “Regenerate” in Zoom, paste the new secret here. The connection keeps working."
            }
          />
          {shared ? (
            <ConfirmButton
              label="Save new secret"
              title={`Replace the secret of “${shared.name}”?`}
              description={`The Zoom app “${shared.name}” is used by ${shared.connections} connections. Every one of them renews with the new secret from now on; if it is not the app’s current secret, each of them stops working at its next renewal.`}
              confirmLabel={`Replace for all ${shared.connections} connections`}
              disabled={replacing}
              onConfirm={() => secretForm.current?.requestSubmit()}
            />
          ) : (
            <Button type="submit" variant="secondary" disabled={replacing} className="w-fit">
              Save new secret
            </Button>
          )}
          <Result
            state={
              secretState?.ok
                ? secretState
                : secretFailed && !secretFailed.fieldErrors.clientSecret
                  ? secretFailed
                  : null
            }
          />
        </form>
      )}

      <div className="flex flex-col gap-3 md:col-span-2">
        <h2 className="font-medium">Disconnect or delete</h2>
        <div className="flex flex-wrap gap-2">
          {connected && (
            <ConfirmButton
              label="Disconnect"
              title={`Disconnect “${name}”?`}
              description={`${revokeSentence(revoke)} Services using this credential stop working until someone reconnects it. The credential and its history stay.`}
              confirmLabel={choice ? "Remove and revoke at Zoom" : "Disconnect"}
              alternative={
                choice ? { label: "Remove here only", onConfirm: withId(disconnect, "here_only") } : undefined
              }
              variant="secondary"
              disabled={disconnecting}
              onConfirm={withId(disconnect)}
            />
          )}
          <ConfirmButton
            label="Delete"
            title={`Delete “${name}”?`}
            description={`${revokeSentence(revoke)} The credential is removed for good and services using it stop working. The audit log keeps a record.`}
            confirmLabel={choice ? "Delete and revoke at Zoom" : "Delete credential"}
            alternative={
              choice ? { label: "Delete here only", onConfirm: withId(remove, "here_only") } : undefined
            }
            variant="danger"
            disabled={deleting}
            onConfirm={withId(remove)}
          />
        </div>
        <Result state={disconnectState} />
        <Result state={deleteState} />
      </div>
    </section>
  );
}
