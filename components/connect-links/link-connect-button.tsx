"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { prepareLinkConnectAction } from "@/app/_actions/prepare-link-connect";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action-state";

type State = ActionState<{ doneHref: string }> | null;

/** The link page's one button: the link is the permission, the handshake is the wizard's. */
export function LinkConnectButton({ token }: { token: string }) {
  const [state, action, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const prepared = await prepareLinkConnectAction(previous, formData);
      if (prepared.ok && prepared.data) await signIn("zoom", { callbackUrl: prepared.data.doneHref });
      return prepared;
    },
    null,
  );
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? "Opening Zoom…" : "Connect to Zoom"}
      </Button>
    </form>
  );
}
