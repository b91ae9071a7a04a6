"use client";

import Link from "next/link";
import { startTransition, useActionState } from "react";
import { refreshAccountAction, testAccountAction } from "@/app/_actions/account-actions";
import { disconnectAction } from "@/app/_actions/credential-actions";
import { Button } from "@/components/ui/button";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionState } from "@/lib/actions/action-state";
import {
  offersHereOnly,
  revokeSentence,
  type RemoveMode,
  type RevokeImpact,
} from "@/lib/credentials/revoke-wording";

function Message({ state }: { state: ActionState | null }) {
  if (!state?.message) return null;
  return (
    <p role="status" className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

export function AccountRowActions({
  slug,
  credentialId,
  name,
  canRefresh,
  canDisconnect,
  revoke,
}: {
  slug: string;
  credentialId: string;
  name: string;
  canRefresh: boolean;
  canDisconnect: boolean;
  revoke: RevokeImpact;
}) {
  const [testState, test, testing] = useActionState(testAccountAction.bind(null, slug), null);
  const [refreshState, refresh, refreshing] = useActionState(refreshAccountAction.bind(null, slug), null);
  const [disconnectState, disconnect, disconnecting] = useActionState(
    disconnectAction.bind(null, slug),
    null,
  );
  const run =
    (action: (data: FormData) => void, mode: RemoveMode = "revoke") =>
    () => {
      const data = new FormData();
      data.set("credentialId", credentialId);
      data.set("mode", mode);
      startTransition(() => action(data));
    };
  const choice = offersHereOnly(revoke);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <Link
          href={`/w/${slug}/credentials/${credentialId}`}
          className={buttonClasses("ghost", "px-2 py-1")}
          aria-label={`Open ${name}`}
        >
          Open
        </Link>
        {canDisconnect && (
          <Button
            variant="secondary"
            className="px-2 py-1"
            disabled={testing}
            onClick={run(test)}
            aria-label={`Test ${name}`}
          >
            Test
          </Button>
        )}
        {canRefresh && (
          <Button
            variant="secondary"
            className="px-2 py-1"
            disabled={refreshing}
            onClick={run(refresh)}
            aria-label={`Refresh ${name} now`}
          >
            Refresh now
          </Button>
        )}
        {canDisconnect && (
          <ConfirmButton
            label="Disconnect"
            title={`Disconnect “${name}”?`}
            description={`${revokeSentence(revoke)} Services using it stop working until someone reconnects it.`}
            confirmLabel={choice ? "Remove and revoke at Zoom" : "Disconnect"}
            alternative={
              choice ? { label: "Remove here only", onConfirm: run(disconnect, "here_only") } : undefined
            }
            disabled={disconnecting}
            onConfirm={run(disconnect)}
          />
        )}
      </div>
      <Message state={testState} />
      <Message state={refreshState} />
      <Message state={disconnectState} />
    </div>
  );
}
