"use client";

import { setupWorkspaceAction } from "@/app/_actions/setup-workspace";
import { NewAccountFields } from "@/components/auth/new-account-fields";
import { useAccountAction } from "@/components/auth/use-account-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function SetupForm() {
  const [state, action, pending] = useAccountAction(setupWorkspaceAction);
  const failed = state && !state.ok ? state : null;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {failed && <Alert tone="error">{failed.message}</Alert>}
      <TextField
        label="Workspace name"
        name="workspaceName"
        required
        defaultValue={failed?.values.workspaceName}
        error={failed?.fieldErrors.workspaceName}
        hint="Usually your organisation or team, e.g. “Acme Marketing”."
      />
      <NewAccountFields failed={failed} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
