import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AppSetupStepBody } from "@/components/zoom-apps/app-setup-step";
import { StepFrame } from "@/components/wizard/step-frame";
import { Stepper } from "@/components/wizard/stepper";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { neighbours, stepNumber } from "@/lib/guides/progress";
import { openAppSetupStep } from "@/lib/zoom-apps/app-setup";
import { appSetupGuide, appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";

export const metadata: Metadata = { title: "Add a Zoom app" };

type Params = { slug: string; appId: string; step: string };

export default async function AppSetupStepPage({ params }: { params: Promise<Params> }) {
  const { slug, appId, step } = await params;
  const ctx = await requireWorkspacePage(slug, "admin");
  const opened = await openAppSetupStep(db(), ctx, { zoomAppId: appId, step }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { app, key, canOpen } = opened;
  const hrefFor = (k: string) => `/w/${slug}/apps/${app.id}/setup/${k}`;
  if (!opened.allowed) redirect(appSetupUrl(slug, app.id, opened.resume));
  const current = appSetupGuide.steps.find((s) => s.key === key)!;
  const { previous } = neighbours(appSetupGuide, key);
  return (
    <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
      <aside className="flex flex-col gap-3">
        <p className="text-sm text-slate-500">
          Adding <span className="font-medium text-slate-800">{app.name}</span>
        </p>
        <Stepper steps={appSetupGuide.steps} current={key} reachable={canOpen} hrefFor={hrefFor} />
      </aside>
      <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <StepFrame step={current} number={stepNumber(appSetupGuide, key)} total={appSetupGuide.steps.length}>
          <AppSetupStepBody
            slug={slug}
            app={app}
            step={current}
            backHref={previous ? hrefFor(previous.key) : null}
          />
        </StepFrame>
      </div>
    </div>
  );
}
