"use client";

import { useActionState } from "react";
import { inviteMemberAction } from "@/app/_actions/invite-member";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { formatDateTime } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { roleLabels, type Role } from "@/lib/auth/roles";

export function InviteForm({ slug, canInviteOwner }: { slug: string; canInviteOwner: boolean }) {
  const [state, action, pending] = useActionState(inviteMemberAction.bind(null, slug), null);
  const roles: Role[] = canInviteOwner ? ["member", "admin", "owner"] : ["member", "admin"];
  const failed = state && !state.ok ? state : null;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-wrap items-start gap-3" noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          className="min-w-64"
          // A fresh form after a link is made, so the next invite starts empty.
          key={state?.ok ? state.data?.link : "invite-email"}
          defaultValue={failed?.values.email}
          error={failed?.fieldErrors.email}
          hint="Only this address can join with the link."
        />
        <Select
          id="invite-role"
          name="role"
          label="Role"
          defaultValue="member"
          options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
        />
        <Button type="submit" disabled={pending} className="mt-6">
          {pending ? "Creating link…" : "Create invite link"}
        </Button>
      </form>
      {failed && !failed.fieldErrors.email && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && state.data && (
        <div className="flex flex-col gap-2 rounded-md border border-green-200 bg-green-50 p-4">
          <p className="text-sm text-green-900">
            Send this link to <strong>{state.data.email}</strong>, invited as{" "}
            <strong>{roleLabels[state.data.role]}</strong>. It works once, only for that address, and expires{" "}
            {formatDateTime(state.data.expiresAt)}. It is shown only now.
          </p>
          <CopyField label="Invite link" value={state.data.link} />
        </div>
      )}
    </div>
  );
}
