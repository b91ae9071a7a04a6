"use client";

import { useActionState } from "react";
import { completeAppSetupStepAction } from "@/app/_actions/complete-app-setup-step";
import { completeStepAction } from "@/app/_actions/complete-step";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { STEP_BUTTONS } from "@/lib/guides/step-kinds";
import type { SubjectKind } from "@/lib/wizard/subject";
import { WizardNav } from "./wizard-nav";

// Each subject's Next action, and the hidden field naming what it sets up.
const COMPLETE = {
  credential: { action: completeStepAction, idField: "credentialId" },
  "zoom-app": { action: completeAppSetupStepAction, idField: "zoomAppId" },
} as const;

/** For steps where the person only reads and acts on Zoom: Next marks it done. */
export function NextStepForm({
  slug,
  subject,
  step,
  backHref,
}: {
  slug: string;
  subject: { kind: SubjectKind; id: string };
  step: string;
  backHref: string | null;
}) {
  const { action: save, idField } = COMPLETE[subject.kind];
  const [state, action, pending] = useActionState(save.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name={idField} value={subject.id} />
      <input type="hidden" name="step" value={step} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <WizardNav
        backHref={backHref}
        next={
          <Button type="submit" disabled={pending}>
            {STEP_BUTTONS.info}
          </Button>
        }
      />
    </form>
  );
}
