import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { WizardStepPage } from "@/components/wizard/wizard-step-page";
import { APP_SETUP_VIEWS } from "@/components/zoom-apps/app-setup-views";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { openAppSetupStep } from "@/lib/zoom-apps/app-setup";

export const metadata: Metadata = { title: "Add a Zoom app" };

type Params = { slug: string; appId: string; step: string };

export default async function AppSetupStepPage({ params }: { params: Promise<Params> }) {
  const { slug, appId, step } = await params;
  const ctx = await requireWorkspacePage(slug, "admin");
  const opened = await openAppSetupStep(db(), ctx, { zoomAppId: appId, step }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if ("redirectTo" in opened) redirect(opened.redirectTo);
  const { view } = opened;
  return (
    <WizardStepPage
      lead={
        <>
          Adding <span className="font-medium text-slate-800">{view.app.name}</span>
        </>
      }
      view={view}
      views={APP_SETUP_VIEWS}
    />
  );
}
