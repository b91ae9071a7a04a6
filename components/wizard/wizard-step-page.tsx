import type { ReactNode } from "react";
import { StepFrame } from "./step-frame";
import { Stepper } from "./stepper";
import type { BaseStepView, StepViews } from "./steps/step-props";

/**
 * The one renderer of a wizard step, for every wizard: the stepper, the
 * guide's words, and the view of the step's kind. `lead` says what is being
 * set up ("Setting up Team Zoom").
 */
export function WizardStepPage<V extends BaseStepView>({
  lead,
  view,
  views,
}: {
  lead: ReactNode;
  view: V;
  views: StepViews<V>;
}) {
  const kindView = views[view.step.kind];
  // lib/guides/guides.test.ts checks every guide's kinds against its wizard's views.
  if (!kindView) throw new Error(`This wizard has no view for "${view.step.kind}" steps.`);
  const { Body, Alert } = kindView;
  return (
    <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
      <aside className="flex flex-col gap-3">
        <p className="text-sm text-slate-500">{lead}</p>
        <Stepper
          steps={view.guide.steps}
          current={view.step.key}
          reachable={view.canOpen}
          hrefFor={view.hrefFor}
        />
      </aside>
      <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <StepFrame
          step={view.step}
          number={view.number}
          total={view.total}
          alert={Alert && <Alert view={view} />}
        >
          <Body view={view} />
        </StepFrame>
      </div>
    </div>
  );
}
