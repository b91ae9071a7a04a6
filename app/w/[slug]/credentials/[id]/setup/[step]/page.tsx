import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import Link from "next/link";
import { ConnectionCard } from "@/components/credentials/connection-card";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { ClientCredentialsForm } from "@/components/wizard/client-credentials-form";
import { ConnectPanel } from "@/components/wizard/connect-panel";
import { CopyUrlsStep } from "@/components/wizard/copy-urls-step";
import { NextStepForm } from "@/components/wizard/next-step-form";
import { DecodedToken } from "@/components/wizard/decoded-token";
import { SwitchToS2SButton } from "@/components/wizard/jwt-notice-step";
import { S2SConnectPanel } from "@/components/wizard/s2s-connect-panel";
import { S2SCredentialsForm } from "@/components/wizard/s2s-credentials-form";
import { ScopesForm } from "@/components/wizard/scopes-form";
import { TokenPasteForm } from "@/components/wizard/token-paste-form";
import { TokenTestPanel } from "@/components/wizard/token-test-panel";
import { StepFrame } from "@/components/wizard/step-frame";
import { Stepper } from "@/components/wizard/stepper";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { describeStoredToken } from "@/lib/credentials/access-token-credential";
import { sameAppConnections } from "@/lib/credentials/connect-warnings";
import { loadWizard } from "@/lib/credentials/wizard-progress";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { canOpenStep, firstUnfinishedStep, neighbours, stepIndex } from "@/lib/guides/progress";
import { choicesForScopes, splitScopes } from "@/lib/guides/scopes";
import { lookupZoomCode } from "@/lib/zoom/error-catalogue";

type Params = { slug: string; id: string; step: string };

export const metadata: Metadata = { title: "Set up a Zoom credential" };

export default async function SetupStepPage({ params }: { params: Promise<Params> }) {
  const { slug, id, step: stepKey } = await params;
  const ctx = await requireWorkspacePage(slug);
  const wizard = await loadWizard(db(), ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { credential, guide } = wizard;
  const index = stepIndex(guide, stepKey);
  if (index < 0) notFound();
  const href = (key: string) => `/w/${slug}/credentials/${id}/setup/${key}`;
  // The server-side gate: nobody skips ahead by editing the URL.
  if (!canOpenStep(guide, credential.wizardStep, stepKey))
    redirect(href(firstUnfinishedStep(guide, credential.wizardStep).key));

  const step = guide.steps[index]!;
  const { previous } = neighbours(guide, step.key);
  const backHref = previous ? href(previous.key) : null;
  const sealed = await db().credential.findUniqueOrThrow({
    where: { id },
    select: { clientSecretEnc: true, accessTokenEnc: true },
  });
  const hasSecret = Boolean(sealed.clientSecretEnc);

  let body: React.ReactNode;
  let alert: React.ReactNode = null;
  switch (step.kind) {
    case "info":
      body = <NextStepForm slug={slug} credentialId={id} step={step.key} backHref={backHref} />;
      break;
    case "copy-urls":
      body = (
        <>
          <CopyUrlsStep />
          <NextStepForm slug={slug} credentialId={id} step={step.key} backHref={backHref} />
        </>
      );
      break;
    case "client-credentials":
      body = (
        <ClientCredentialsForm
          slug={slug}
          credentialId={id}
          clientId={credential.clientId}
          hasSecret={hasSecret}
          backHref={backHref}
        />
      );
      break;
    case "scopes":
      body = (
        <ScopesForm
          slug={slug}
          credentialId={id}
          chosen={choicesForScopes(splitScopes(credential.requestedScopes))}
          backHref={backHref}
        />
      );
      break;
    case "connect": {
      const others = await sameAppConnections(
        db(),
        { workspaceId: ctx.workspace.id, credentialId: id, clientId: credential.clientId },
        { userId: ctx.user.id, role: ctx.role },
      );
      const lastError =
        credential.status !== "connected" && credential.lastErrorCode
          ? { entry: lookupZoomCode(credential.lastErrorCode), message: credential.lastErrorMessage }
          : null;
      alert = lastError && (
        <Alert tone="error" title="The last try did not connect">
          <p>{lastError.message}</p>
          {lastError.entry.wizardStep &&
            lastError.entry.wizardStep !== "connect" &&
            canOpenStep(guide, credential.wizardStep, lastError.entry.wizardStep) && (
              <Link
                href={href(lastError.entry.wizardStep)}
                className="mt-2 inline-block font-medium underline"
              >
                Go to step {stepIndex(guide, lastError.entry.wizardStep) + 1}
              </Link>
            )}
        </Alert>
      );
      body = (
        <>
          {(others.visible.length > 0 || others.othersCount > 0) && (
            <Alert tone="warning" title="Connecting the same Zoom user twice stops the older connection">
              This Zoom app is already connected in this workspace as:{" "}
              {[
                ...others.visible.map((o) => `“${o.name}” (${o.zoomEmail ?? "unknown user"})`),
                ...(others.othersCount > 0
                  ? [`${others.othersCount} connection${others.othersCount === 1 ? "" : "s"} of other people`]
                  : []),
              ].join(", ")}
              . If you sign in to Zoom as the same person, that older connection will stop working — Zoom
              keeps only the newest one.
            </Alert>
          )}
          <ConnectPanel
            slug={slug}
            credentialId={id}
            backHref={backHref}
            label={credential.zoomUserId ? "Connect to Zoom again" : "Connect to Zoom"}
          />
        </>
      );
      break;
    }
    case "s2s-credentials":
      body = (
        <S2SCredentialsForm
          slug={slug}
          credentialId={id}
          accountId={credential.accountId}
          clientId={credential.clientId}
          hasSecret={hasSecret}
          backHref={backHref}
        />
      );
      break;
    case "s2s-connect":
      if (credential.status !== "connected" && credential.lastErrorMessage)
        alert = (
          <Alert tone="error" title="The last try did not connect">
            {credential.lastErrorMessage}
          </Alert>
        );
      body = (
        <>
          <S2SConnectPanel
            slug={slug}
            credentialId={id}
            backHref={backHref}
            stepNumbers={Object.fromEntries(guide.steps.map((s, i) => [s.key, i + 1]))}
          />
        </>
      );
      break;
    case "jwt-notice":
      body = (
        <>
          {credential.status === "draft" && <SwitchToS2SButton slug={slug} credentialId={id} />}
          <NextStepForm slug={slug} credentialId={id} step={step.key} backHref={backHref} />
        </>
      );
      break;
    case "token-paste":
      body = (
        <TokenPasteForm
          slug={slug}
          credentialId={id}
          hasToken={Boolean(sealed.accessTokenEnc)}
          backHref={backHref}
        />
      );
      break;
    case "token-test": {
      const decoded = await describeStoredToken(db(), id);
      body = (
        <>
          {decoded && <DecodedToken token={decoded} />}
          <TokenTestPanel slug={slug} credentialId={id} backHref={backHref} />
        </>
      );
      break;
    }
    case "done":
      body = (
        <>
          <ConnectionCard slug={slug} credential={credential} />
          <Link href={`/w/${slug}/credentials`} className={buttonClasses("secondary", "w-fit")}>
            Back to credentials
          </Link>
        </>
      );
      break;
  }

  return (
    <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
      <aside className="flex flex-col gap-3">
        <p className="text-sm text-slate-500">
          Setting up <span className="font-medium text-slate-800">{credential.name}</span>
        </p>
        <Stepper
          steps={guide.steps}
          current={step.key}
          reachable={(key) => canOpenStep(guide, credential.wizardStep, key)}
          hrefFor={href}
        />
      </aside>
      <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <StepFrame step={step} number={index + 1} total={guide.steps.length} alert={alert}>
          {body}
        </StepFrame>
      </div>
    </div>
  );
}
