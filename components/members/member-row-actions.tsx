"use client";

import { useActionState, useId, useState, startTransition } from "react";
import { changeMemberRoleAction } from "@/app/_actions/change-member-role";
import { removeMemberAction } from "@/app/_actions/remove-member";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Select } from "@/components/ui/select";
import { hasRole, roleLabels, type Role } from "@/lib/auth/roles";

export function MemberRowActions({
  slug,
  membershipId,
  name,
  role,
  assignable,
  apiKeyNames,
}: {
  slug: string;
  membershipId: string;
  name: string;
  role: Role;
  assignable: Role[];
  /** The live API keys this person created: offered for revoking when they lose access. */
  apiKeyNames: string[];
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeMemberRoleAction.bind(null, slug), null);
  const [removeState, removeAction, removePending] = useActionState(
    removeMemberAction.bind(null, slug),
    null,
  );
  const [chosenRole, setChosenRole] = useState<Role>(role);
  const [revokeOnRemove, setRevokeOnRemove] = useState(true);
  const error =
    (roleState && !roleState.ok ? roleState.message : null) ??
    (removeState && !removeState.ok ? removeState.message : null);

  function remove() {
    const data = new FormData();
    data.set("membershipId", membershipId);
    if (revokeOnRemove) data.set("revokeApiKeys", "on");
    startTransition(() => removeAction(data));
  }

  const demotesToMember = hasRole(role, "admin") && chosenRole === "member";
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={roleAction} className="flex flex-wrap items-center justify-end gap-2">
          <input type="hidden" name="membershipId" value={membershipId} />
          <Select
            id={`role-${membershipId}`}
            name="role"
            label={`Role of ${name}`}
            labelHidden
            value={chosenRole}
            onChange={(event) => setChosenRole(event.target.value as Role)}
            options={assignable.map((option) => ({ value: option, label: roleLabels[option] }))}
          />
          {demotesToMember && apiKeyNames.length > 0 && (
            <RevokeKeysCheckbox name={name} apiKeyNames={apiKeyNames} formField />
          )}
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
            <>
              They will lose access to this workspace at once, and the invite links they made stop working.
              Their Zoom credentials stay, and admins can still manage them.
              {apiKeyNames.length > 0 && (
                <RevokeKeysCheckbox
                  name={name}
                  apiKeyNames={apiKeyNames}
                  checked={revokeOnRemove}
                  onChange={setRevokeOnRemove}
                />
              )}
            </>
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

/** "Also revoke the 2 API keys Ann created", ticked unless the admin says otherwise. */
function RevokeKeysCheckbox({
  name,
  apiKeyNames,
  formField,
  checked,
  onChange,
}: {
  name: string;
  apiKeyNames: string[];
  formField?: boolean;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  const count = apiKeyNames.length;
  const id = useId();
  return (
    <span className="mt-3 flex items-start gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        id={id}
        name={formField ? "revokeApiKeys" : undefined}
        className="mt-1"
        {...(formField
          ? { defaultChecked: true }
          : { checked: checked ?? true, onChange: (event) => onChange?.(event.target.checked) })}
      />
      <label htmlFor={id}>
        Also revoke the {count === 1 ? "API key" : `${count} API keys`} {name} created
        <span className="block text-xs text-slate-600">
          {apiKeyNames.map((key) => `“${key}”`).join(", ")}
        </span>
      </label>
    </span>
  );
}
