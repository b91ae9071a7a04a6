"use client";

import { revokeInviteAction } from "@/app/_actions/revoke-invite";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function RevokeInviteButton({ slug, inviteId }: { slug: string; inviteId: string }) {
  return (
    <ConfirmActionButton
      action={revokeInviteAction.bind(null, slug)}
      field="inviteId"
      value={inviteId}
      label="Withdraw"
      title="Withdraw this invite?"
      description="The link will stop working. You can create a new one at any time."
      confirmLabel="Withdraw invite"
    />
  );
}
