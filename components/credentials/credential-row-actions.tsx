"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Ellipsis } from "lucide-react";
import Link from "next/link";
import { startTransition, useActionState, useState, type ReactNode } from "react";
import { disconnectCredentialAction } from "@/app/_actions/disconnect-credential";
import { refreshCredentialAction } from "@/app/_actions/refresh-credential";
import { testCredentialAction } from "@/app/_actions/test-credential";
import { ConfirmDialog } from "@/components/ui/confirm-button";
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
    <p role="status" className={`w-44 text-right text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

const itemClasses = [
  "flex cursor-pointer items-center rounded px-2 py-1.5 text-sm outline-none",
  "data-[highlighted]:bg-slate-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400",
].join(" ");
const triggerClasses = [
  "inline-flex h-8 w-8 items-center justify-center rounded-md",
  "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
].join(" ");

/**
 * The item's name is its visible words with the credential's name inside, so a screen reader (and a
 * test) hears which row it acts on while the menu stays short: "Refresh ‹name› now".
 */
function ItemText({ before, name, after = "" }: { before: string; name: string; after?: string }): ReactNode {
  return (
    <span>
      {before}
      <span className="sr-only"> {name}</span>
      {after && ` ${after}`}
    </span>
  );
}

/** A row's actions in one menu, so the table fits a laptop and a phone without scrolling sideways. */
export function CredentialRowActions({
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
  const [testState, test, testing] = useActionState(testCredentialAction.bind(null, slug), null);
  const [refreshState, refresh, refreshing] = useActionState(refreshCredentialAction.bind(null, slug), null);
  const [disconnectState, disconnect, disconnecting] = useActionState(
    disconnectCredentialAction.bind(null, slug),
    null,
  );
  const [confirming, setConfirming] = useState(false);
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
      <DropdownMenu.Root>
        <DropdownMenu.Trigger aria-label={`Actions for ${name}`} className={triggerClasses}>
          <Ellipsis aria-hidden className="h-4 w-4" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            collisionPadding={8}
            className="z-30 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          >
            <DropdownMenu.Item asChild className={itemClasses}>
              <Link href={`/w/${slug}/credentials/${credentialId}`}>
                <ItemText before="Open" name={name} />
              </Link>
            </DropdownMenu.Item>
            {canDisconnect && (
              <DropdownMenu.Item className={itemClasses} disabled={testing} onSelect={run(test)}>
                <ItemText before="Test" name={name} />
              </DropdownMenu.Item>
            )}
            {canRefresh && (
              <DropdownMenu.Item className={itemClasses} disabled={refreshing} onSelect={run(refresh)}>
                <ItemText before="Refresh" name={name} after="now" />
              </DropdownMenu.Item>
            )}
            {canDisconnect && (
              <>
                <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
                <DropdownMenu.Item
                  className={`${itemClasses} text-red-700`}
                  disabled={disconnecting}
                  onSelect={() => setConfirming(true)}
                >
                  <ItemText before="Disconnect" name={name} />
                </DropdownMenu.Item>
              </>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Disconnect “${name}”?`}
        description={`${revokeSentence(revoke)} Services using it stop working until someone reconnects it.`}
        confirmLabel={choice ? "Remove and revoke at Zoom" : "Disconnect"}
        alternative={
          choice ? { label: "Remove here only", onConfirm: run(disconnect, "here_only") } : undefined
        }
        onConfirm={run(disconnect)}
      />
      <Message state={testState} />
      <Message state={refreshState} />
      <Message state={disconnectState} />
    </div>
  );
}
