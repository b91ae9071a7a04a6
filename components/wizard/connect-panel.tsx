"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { prepareZoomConnectAction } from "@/app/_actions/prepare-zoom-connect";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import { STEP_BUTTONS } from "@/lib/guides/step-kinds";
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
  label = STEP_BUTTONS.connect,
  expectedZoomEmail,
}: {
  slug: string;
  credentialId: string;
  backHref: string | null;
  /** The guide's step after this one; Zoom's handshake ends there. */
  doneHref: string;
  label?: string;
  /** Whom the connection is meant for, as noted last time; undefined hides the field. */
  expectedZoomEmail?: string | null;
}) {
  const [state, action, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const prepared = await prepareZoomConnectAction(slug, previous, formData);
      if (!prepared.ok) return prepared;
      await signIn("zoom", { callbackUrl: doneHref });
      return prepared;
    },
    null,
  );
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="credentialId" value={credentialId} />
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {expectedZoomEmail !== undefined && (
        <TextField
          label="Zoom email this connection is for (optional)"
          name="expectedZoomEmail"
          type="email"
          autoComplete="off"
          defaultValue={failed?.values.expectedZoomEmail ?? expectedZoomEmail ?? ""}
          error={failed?.fieldErrors.expectedZoomEmail}
          hint="A browser already signed in to Zoom connects that person without asking. Type whom you mean, and we will tell you if Zoom comes back with someone else."
        />
      )}
      <WizardSubmit backHref={backHref} pending={pending} label={label} pendingLabel="Opening Zoom…" />
    </form>
  );
}
