"use client";

import { useActionState } from "react";
import { testAccessTokenAction } from "@/app/_actions/test-access-token";
import { Alert } from "@/components/ui/alert";
import { STEP_BUTTONS } from "@/lib/guides/step-kinds";
import { WizardSubmit } from "./wizard-submit";

export function TokenTestPanel({
  slug,
  credentialId,
  backHref,
}: {
  slug: string;
  credentialId: string;
  backHref: string | null;
}) {
  const [state, action, pending] = useActionState(testAccessTokenAction.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="credentialId" value={credentialId} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <WizardSubmit
        backHref={backHref}
        pending={pending}
        label={STEP_BUTTONS["token-test"]}
        pendingLabel="Testing…"
      />
    </form>
  );
}
