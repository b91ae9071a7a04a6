"use client";

import { startTransition, useActionState } from "react";
import { revokeApiKeyAction } from "@/app/_actions/api-key-actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function RevokeApiKeyButton({ slug, apiKeyId, name }: { slug: string; apiKeyId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction.bind(null, slug), null);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton
        label="Revoke"
        title={`Revoke “${name}”?`}
        description="Services using this key get “401 unauthorized” from now on. This cannot be undone; create a new key if needed."
        confirmLabel="Revoke key"
        disabled={pending}
        onConfirm={() => {
          const data = new FormData();
          data.set("apiKeyId", apiKeyId);
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
