"use client";

import { useActionState, startTransition } from "react";
import { changeRole } from "@/app/_actions/change-member-role";
import { removeMemberAction } from "@/app/_actions/remove-member";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Select } from "@/components/ui/select";
import { roleLabels, type Role } from "@/lib/auth/roles";

export function MemberRowActions({
  slug,
  membershipId,
  name,
  role,
  assignable,
}: {
  slug: string;
  membershipId: string;
  name: string;
  role: Role;
  assignable: Role[];
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeRole.bind(null, slug), null);
  const [removeState, removeAction, removePending] = useActionState(
    removeMemberAction.bind(null, slug),
    null,
  );
  const error =
    (roleState && !roleState.ok ? roleState.message : null) ??
    (removeState && !removeState.ok ? removeState.message : null);

  function remove() {
    const data = new FormData();
    data.set("membershipId", membershipId);
    startTransition(() => removeAction(data));
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="membershipId" value={membershipId} />
          <Select
            id={`role-${membershipId}`}
            name="role"
            label={`Role of ${name}`}
            labelHidden
            defaultValue={role}
            options={assignable.map((option) => ({ value: option, label: roleLabels[option] }))}
          />
          <Button
            type="submit"
            variant="secondary"
            className="px-3 py-1.5"
            disabled={rolePending}
            aria-label={`Save role of ${name}`}
          >
            Save
          </Button>
        </form>
        <ConfirmButton
          label="Remove"
          title={`Remove ${name}?`}
          description={
            "They will lose access to this workspace at once. " +
            "Their Zoom credentials stay, and admins can still manage them."
          }
          confirmLabel="Remove member"
          onConfirm={remove}
          disabled={removePending}
        />
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
