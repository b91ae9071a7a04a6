"use client";

import Link from "next/link";
import { useActionState } from "react";
import { connectS2SAction } from "@/app/_actions/connect-s2s";
import { Alert } from "@/components/ui/alert";
import { STEP_BUTTONS } from "@/lib/guides/step-kinds";
import { WizardSubmit } from "./wizard-submit";

/** Server-to-Server: the app gets a token itself; errors point to the step that fixes them. */
export function S2SConnectPanel({
  slug,
  credentialId,
  backHref,
}: {
  slug: string;
  credentialId: string;
  backHref: string | null;
}) {
  const [state, action, pending] = useActionState(connectS2SAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  // The action builds the link from the guide ("Go to step 2"), or leaves it out.
  const fixHref = failed?.values.fixHref;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="credentialId" value={credentialId} />
      {failed && (
        <Alert tone="error" title="Zoom did not give a token">
          <p>{failed.message}</p>
          {fixHref && (
            <Link href={fixHref} className="mt-2 inline-block font-medium underline">
              {failed.values.fixLabel}
            </Link>
          )}
        </Alert>
      )}
      <WizardSubmit
        backHref={backHref}
        pending={pending}
        label={STEP_BUTTONS["s2s-connect"]}
        pendingLabel="Connecting…"
      />
    </form>
  );
}
