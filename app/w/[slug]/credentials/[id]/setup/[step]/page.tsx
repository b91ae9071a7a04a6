import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { STEP_VIEWS } from "@/components/wizard/step-registry";
import { WizardStepPage } from "@/components/wizard/wizard-step-page";
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
  return (
    <WizardStepPage
      lead={
        <>
          Setting up <span className="font-medium text-slate-800">{view.credential.name}</span>
        </>
      }
      view={view}
      views={STEP_VIEWS}
    />
  );
}
