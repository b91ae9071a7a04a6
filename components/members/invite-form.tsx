"use client";

import { useActionState } from "react";
import { inviteMember } from "@/app/_actions/invite-member";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { formatDateTime } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import { roleLabels, type Role } from "@/lib/auth/roles";

export function InviteForm({ slug, canInviteOwner }: { slug: string; canInviteOwner: boolean }) {
  const [state, action, pending] = useActionState(inviteMember.bind(null, slug), null);
  const roles: Role[] = canInviteOwner ? ["member", "admin", "owner"] : ["member", "admin"];
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <Select
          id="invite-role"
          name="role"
          label="Role"
          defaultValue="member"
          options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating link…" : "Create invite link"}
        </Button>
      </form>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && state.data && (
        <div className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-4">
          <p className="text-sm text-green-900">
            Send this link to the person you want to invite as <strong>{roleLabels[state.data.role]}</strong>.
            It works once and expires {formatDateTime(state.data.expiresAt)}. It is shown only now.
          </p>
          <CopyField label="Invite link" value={state.data.link} />
        </div>
      )}
    </div>
  );
}
