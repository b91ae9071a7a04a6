"use client";

import { useActionState } from "react";
import { completeStep } from "@/app/_actions/wizard-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { WizardNav } from "./wizard-nav";

/** For steps where the person only reads and acts on Zoom: Next marks it done. */
export function NextStepForm({
  slug,
  credentialId,
  step,
  backHref,
}: {
  slug: string;
  credentialId: string;
  step: string;
  backHref: string | null;
}) {
  const [state, action, pending] = useActionState(completeStep.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="credentialId" value={credentialId} />
      <input type="hidden" name="step" value={step} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <WizardNav
        backHref={backHref}
        next={
          <Button type="submit" disabled={pending}>
            Next
          </Button>
        }
      />
    </form>
  );
}
