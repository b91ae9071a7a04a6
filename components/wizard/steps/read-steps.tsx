import Link from "next/link";
import { WrongZoomUserNotice } from "@/components/connect/wrong-zoom-user-notice";
import { ConnectionCard } from "@/components/credentials/connection-card";
import { buttonClasses } from "@/components/ui/button";
import { CopyUrlsStep } from "../copy-urls-step";
import { SwitchToS2SButton } from "../switch-to-s2s-button";
import { NextStepForm } from "../next-step-form";
import type { BaseStepView, StepProps } from "./step-props";

// Steps where the person reads, acts on Zoom, and presses Next.

// These two serve every wizard: they know the subject only by kind and id.

export function InfoStep({ view }: { view: BaseStepView }) {
  return (
    <NextStepForm slug={view.slug} subject={view.subject} step={view.step.key} backHref={view.backHref} />
  );
}

export function CopyUrlsStepBody({ view }: { view: BaseStepView }) {
  return (
    <>
      <CopyUrlsStep />
      <InfoStep view={view} />
    </>
  );
}

export function JwtNoticeStep({ view }: StepProps) {
  return (
    <>
      {view.credential.status === "draft" && (
        <SwitchToS2SButton slug={view.slug} credentialId={view.credential.id} />
      )}
      <InfoStep view={view} />
    </>
  );
}

export function DoneStep({ view }: StepProps) {
  return (
    <>
      <WrongZoomUserNotice slug={view.slug} credential={view.credential} />
      <ConnectionCard slug={view.slug} credential={view.credential} />
      <Link href={`/w/${view.slug}/credentials`} className={buttonClasses("secondary", "w-fit")}>
        Back to credentials
      </Link>
    </>
  );
}
