"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { createWorkspaceAction } from "@/app/_actions/create-workspace";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/actions/action-state";

type State = ActionState<{ slug: string }> | null;

export function NewWorkspaceForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const result = await createWorkspaceAction(previous, formData);
      if (result.ok && result.data) router.replace(`/w/${result.data.slug}/credentials`);
      return result;
    },
    null,
  );
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
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
