"use client";

import { startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { ConfirmButton } from "./confirm-button";

type Props = {
  /** A server action bound to its workspace, taking one id field. */
  action: (previous: ActionState | null, formData: FormData) => Promise<ActionState>;
  field: string;
  value: string;
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
};

/** A confirmed, one-field server action (withdraw, revoke) with its error shown beside it. */
export function ConfirmActionButton({
  action,
  field,
  value,
  label,
  title,
  description,
  confirmLabel,
}: Props) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton
        label={label}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        disabled={pending}
        onConfirm={() => {
          const data = new FormData();
          data.set(field, value);
          startTransition(() => run(data));
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
