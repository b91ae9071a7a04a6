"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { prepareZoomConnect } from "@/app/_actions/wizard-actions";
import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/actions/action-state";
import { WizardSubmit } from "./wizard-submit";

type State = ActionState | null;

/**
 * "Connect to Zoom": a guarded action notes which credential this handshake
 * is for (signed cookie), then next-auth's signIn("zoom") sends the browser
 * to Zoom with state and PKCE.
 */
export function ConnectPanel({
  slug,
  credentialId,
  backHref,
  doneHref,
  label = "Connect to Zoom",
}: {
  slug: string;
  credentialId: string;
  backHref: string | null;
  /** The guide's step after this one; Zoom's handshake ends there. */
  doneHref: string;
  label?: string;
}) {
  const [state, action, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const prepared = await prepareZoomConnect(slug, previous, formData);
      if (!prepared.ok) return prepared;
      await signIn("zoom", { callbackUrl: doneHref });
      return prepared;
    },
    null,
  );
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="credentialId" value={credentialId} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <WizardSubmit backHref={backHref} pending={pending} label={label} pendingLabel="Opening Zoom…" />
    </form>
  );
}
