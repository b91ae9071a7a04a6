"use client";

import { startTransition, useActionState } from "react";
import { revokeInviteAction } from "@/app/_actions/revoke-invite";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function RevokeInviteButton({ slug, inviteId }: { slug: string; inviteId: string }) {
  const [state, action, pending] = useActionState(revokeInviteAction.bind(null, slug), null);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton
        label="Withdraw"
        title="Withdraw this invite?"
        description="The link will stop working. You can create a new one at any time."
        confirmLabel="Withdraw invite"
        disabled={pending}
        onConfirm={() => {
          const data = new FormData();
          data.set("inviteId", inviteId);
          startTransition(() => action(data));
        }}
      />
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
    </div>
  );
}
