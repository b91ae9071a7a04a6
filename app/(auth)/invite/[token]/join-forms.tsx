"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { joinAsNewUserAction } from "@/app/_actions/join-as-new-user";
import { joinWithInviteAction } from "@/app/_actions/join-with-invite";
import { NewAccountFields } from "@/components/auth/new-account-fields";
import { useAccountAction } from "@/components/auth/use-account-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action-state";

type State = ActionState<{ slug: string }> | null;

export function JoinAsSignedInUser({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const result = await joinWithInviteAction(previous, formData);
      if (result.ok && result.data) router.replace(`/w/${result.data.slug}/credentials`);
      return result;
    },
    null,
  );
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}

export function JoinAsNewUser({
  token,
  workspaceName,
  email,
}: {
  token: string;
  workspaceName: string;
  /** the invite's address, filled in (another one is refused) */
  email: string;
}) {
  const [state, action, pending] = useAccountAction(joinAsNewUserAction);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {failed && <Alert tone="error">{failed.message}</Alert>}
      <NewAccountFields
        failed={failed}
        email={{ defaultValue: email, hint: "The address this invite is for." }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : `Create account and join ${workspaceName}`}
      </Button>
    </form>
  );
}
