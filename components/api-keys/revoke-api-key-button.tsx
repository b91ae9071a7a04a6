"use client";

import { revokeApiKeyAction } from "@/app/_actions/revoke-api-key";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function RevokeApiKeyButton({
  slug,
  apiKeyId,
  name,
}: {
  slug: string;
  apiKeyId: string;
  name: string;
}) {
  return (
    <ConfirmActionButton
      action={revokeApiKeyAction.bind(null, slug)}
      field="apiKeyId"
      value={apiKeyId}
      label="Revoke"
      title={`Revoke “${name}”?`}
      description={
        "Services using this key get “401 unauthorized” from now on. This cannot be undone; " +
        "create a new key if needed."
      }
      confirmLabel="Revoke key"
    />
  );
}
