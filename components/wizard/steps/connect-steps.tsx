import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { describeStoredToken } from "@/lib/credentials/access-token-credential";
import { connectedInOtherWorkspaces, sameAppConnections } from "@/lib/credentials/connect-warnings";
import { db } from "@/lib/db/client";
import { STEP_BUTTONS } from "@/lib/guides/step-kinds";
import { fixStepLink, fixStepLinks } from "@/lib/guides/step-url";
import { lookupZoomCode } from "@/lib/zoom/error-catalogue";
import { PrivateAppNote } from "@/components/connect/private-app-note";
import { ZoomMessageExplainer } from "@/components/connect/zoom-message-explainer";
import { ConnectPanel } from "../connect-panel";
import { DecodedToken } from "../decoded-token";
import { S2SConnectPanel } from "../s2s-connect-panel";
import { TokenTestPanel } from "../token-test-panel";
import type { StepProps } from "./step-props";

// Steps that talk to Zoom. Their alerts show what went wrong on the last try, with a link to the step that fixes it.

/** "Go to step N" links to the earlier steps this person may open. */
function openFixLinks(view: StepProps["view"]) {
  const links = fixStepLinks(view.slug, view.credential.id, view.guide, view.step.key);
  return Object.fromEntries(Object.entries(links).filter(([key]) => view.canOpen(key)));
}

export function ConnectAlert({ view }: StepProps) {
  const { credential } = view;
  if (credential.status === "connected" || !credential.lastErrorCode) return null;
  const entry = lookupZoomCode(credential.lastErrorCode);
  const link = fixStepLink(view.slug, credential.id, view.guide, view.step.key, entry.wizardStep);
  // A step closed to this connection (a shared app's setup) is no fix the person can make.
  const fix = link && entry.wizardStep && view.canOpen(entry.wizardStep) ? link : null;
  return (
    <Alert tone="error" title="The last try did not connect">
      <p>{credential.lastErrorMessage}</p>
      {fix && (
        <Link href={fix.href} className="mt-2 inline-block font-medium underline">
          {fix.label}
        </Link>
      )}
    </Alert>
  );
}

export async function ConnectStep({ view }: StepProps) {
  const { credential } = view;
  const others = await sameAppConnections(
    db(),
    { workspaceId: credential.workspaceId, credentialId: credential.id, zoomApp: credential.zoomApp },
    view.viewer,
  );
  const named = others.visible.map((o) => `“${o.name}” (${o.zoomEmail ?? "unknown user"})`);
  if (others.othersCount > 0)
    named.push(`${others.othersCount} connection${others.othersCount === 1 ? "" : "s"} of other people`);
  const elsewhere = await connectedInOtherWorkspaces(db(), {
    workspaceId: credential.workspaceId,
    zoomApp: credential.zoomApp,
    zoomUserId: credential.zoomUserId,
  });
  return (
    <>
      {named.length > 0 && (
        <Alert tone="warning" title="Connecting the same Zoom user twice stops the older connection">
          This Zoom app is already connected in this workspace as: {named.join(", ")}. If you sign in to Zoom
          as the same person, that older connection will stop working — Zoom keeps only the newest one.
        </Alert>
      )}
      {elsewhere && (
        <Alert tone="warning" title="This Zoom app is also connected elsewhere in this app">
          {credential.zoomUserId ? "This Zoom user is" : "A Zoom user is"} connected through the same Zoom app
          elsewhere in this app. If you sign in to Zoom as that person, that connection stops working — Zoom
          keeps only the newest one.
        </Alert>
      )}
      <PrivateAppNote />
      <ConnectPanel
        slug={view.slug}
        credentialId={credential.id}
        backHref={view.backHref}
        doneHref={view.nextHref ?? view.hrefFor(view.step.key)}
        label={credential.zoomUserId ? `${STEP_BUTTONS.connect} again` : STEP_BUTTONS.connect}
        expectedZoomEmail={credential.expectedZoomEmail}
      />
      <ZoomMessageExplainer flow="oauth" fixLinks={openFixLinks(view)} />
    </>
  );
}

export function S2SConnectAlert({ view }: StepProps) {
  const { credential } = view;
  if (credential.status === "connected" || !credential.lastErrorMessage) return null;
  return (
    <Alert tone="error" title="The last try did not connect">
      {credential.lastErrorMessage}
    </Alert>
  );
}

export function S2SConnectStep({ view }: StepProps) {
  return (
    <>
      <S2SConnectPanel slug={view.slug} credentialId={view.credential.id} backHref={view.backHref} />
      <ZoomMessageExplainer flow="s2s" fixLinks={openFixLinks(view)} />
    </>
  );
}

export async function TokenTestStep({ view }: StepProps) {
  const decoded = await describeStoredToken(db(), view.credential.id);
  return (
    <>
      {decoded && <DecodedToken token={decoded} />}
      <TokenTestPanel slug={view.slug} credentialId={view.credential.id} backHref={view.backHref} />
    </>
  );
}
