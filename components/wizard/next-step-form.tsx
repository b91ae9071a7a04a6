"use client";

import { useActionState } from "react";
import { completeStep } from "@/app/_actions/wizard-actions";
import { Alert } from "@/components/ui/alert";
import type { SetupFormAction } from "./setup-form-action";
import { Button } from "@/components/ui/button";
import { WizardNav } from "./wizard-nav";

/** For steps where the person only reads and acts on Zoom: Next marks it done. */
export function NextStepForm({
  slug,
  credentialId,
  step,
  backHref,
  action: save = completeStep,
  idField = "credentialId",
}: {
  slug: string;
  credentialId: string;
  step: string;
  backHref: string | null;
  /** Another guided setup's own action (the app setup), and the hidden field naming what it sets up. */
  action?: SetupFormAction;
  idField?: string;
}) {
  const [state, action, pending] = useActionState(save.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name={idField} value={credentialId} />
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
