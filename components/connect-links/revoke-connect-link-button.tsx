"use client";

import { revokeConnectLinkAction } from "@/app/_actions/revoke-connect-link";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function RevokeConnectLinkButton({
  slug,
  linkId,
  note,
}: {
  slug: string;
  linkId: string;
  note: string;
}) {
  return (
    <ConfirmActionButton
      action={revokeConnectLinkAction.bind(null, slug)}
      field="linkId"
      value={linkId}
      label="Revoke"
      title={note ? `Revoke the link “${note}”?` : "Revoke this link?"}
      description="Whoever opens it afterwards sees that it was withdrawn. A connection already made stays."
      confirmLabel="Revoke link"
    />
  );
}
