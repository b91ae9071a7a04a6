import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StepFrame } from "@/components/wizard/step-frame";
import { STEP_VIEWS, type StepView } from "@/components/wizard/step-registry";
import { Stepper } from "@/components/wizard/stepper";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { openWizardStep } from "@/lib/credentials/open-wizard-step";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

type Params = { slug: string; id: string; step: string };

export const metadata: Metadata = { title: "Set up a Zoom credential" };

export default async function SetupStepPage({ params }: { params: Promise<Params> }) {
  const { slug, id, step } = await params;
  const ctx = await requireWorkspacePage(slug);
  const opened = await openWizardStep(db(), ctx, { credentialId: id, step }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if ("redirectTo" in opened) redirect(opened.redirectTo);

  const { view } = opened;
  const { Body, Alert }: StepView = STEP_VIEWS[view.step.kind];
  return (
    <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
      <aside className="flex flex-col gap-3">
        <p className="text-sm text-slate-500">
          Setting up <span className="font-medium text-slate-800">{view.credential.name}</span>
        </p>
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
