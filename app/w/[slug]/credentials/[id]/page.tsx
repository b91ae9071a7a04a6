import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WrongZoomUserNotice } from "@/components/connect/wrong-zoom-user-notice";
import { ZoomMessageExplainer } from "@/components/connect/zoom-message-explainer";
import { ConnectionCard } from "@/components/credentials/connection-card";
import { CredentialActions } from "@/components/credentials/credential-actions";
import { N8nCard } from "@/components/n8n/n8n-card";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { findCredential } from "@/lib/credentials/find-credential";
import { isLive } from "@/lib/credentials/status";
import { isAdmin } from "@/lib/auth/roles";
import { findN8nLinkForPage } from "@/lib/n8n/find-link";
import { findN8nTarget } from "@/lib/n8n/n8n-target";
import { revokeImpact } from "@/lib/credentials/revoke-impact";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { guideFor } from "@/lib/guides";
import { continueSetupUrl, fixStepLinks, wizardStepUrl, type FixLinks } from "@/lib/guides/step-url";
import { credentialSubject } from "@/lib/credentials/wizard-progress";
import { flowOfMethod } from "@/lib/zoom/error-catalogue";
import { mayChangeZoomApp } from "@/lib/zoom-apps/app-permissions";
import { findZoomApp } from "@/lib/zoom-apps/find-zoom-app";

export const metadata: Metadata = { title: "Credential" };

/** Only the steps this connection's wizard opens (a shared app's setup steps stay closed). */
const openFixLinks = (links: FixLinks, gate: { canOpen: (key: string) => boolean }): FixLinks =>
  Object.fromEntries(Object.entries(links).filter(([key]) => gate.canOpen(key)));

export default async function CredentialPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await requireWorkspacePage(slug);
  const credential = await findCredential(db(), ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const app = credential.zoomAppId ? await findZoomApp(db(), ctx.workspace.id, credential.zoomAppId) : null;
  const revoke = await revokeImpact(db(), credential);
  const renews = credential.method === "oauth" || credential.method === "s2s";
  const [n8nTarget, n8nLink] = renews
    ? await Promise.all([findN8nTarget(db(), ctx.workspace.id), findN8nLinkForPage(db(), credential.id)])
    : [null, null];
  const guide = guideFor(credential.method);
  // Reconnect runs the same credential's connect step again: same id, so services keep working.
  const setupHref = !guide
    ? null
    : credential.status === "draft"
      ? continueSetupUrl(slug, credential, guide)
      : wizardStepUrl(slug, credential.id, guide, guide.reconnectStep);
  return (
    <>
      <PageHeader
        title={credential.name}
        description={`Owned by ${credential.owner.name}.`}
        actions={
          setupHref && (
            <Link
              href={setupHref}
              className={buttonClasses(credential.status === "draft" ? "primary" : "secondary")}
            >
              {credential.status === "draft" ? "Continue setup" : "Reconnect"}
            </Link>
          )
        }
      />
      <div className="flex flex-col gap-6">
        <WrongZoomUserNotice slug={slug} credential={credential} />
        <ConnectionCard slug={slug} credential={credential} />
        {renews && (
          <N8nCard
            slug={slug}
            credentialId={credential.id}
            live={isLive(credential.status)}
            admin={isAdmin(ctx.role)}
            targetUrl={n8nTarget?.baseUrl ?? null}
            link={n8nLink}
          />
        )}
        {guide && credential.method !== "access_token" && (
          <ZoomMessageExplainer
            flow={flowOfMethod(credential.method)}
            fixLinks={openFixLinks(
              fixStepLinks(slug, credential.id, guide, null),
              credentialSubject(guide, credential),
            )}
          />
        )}
        <CredentialActions
          slug={slug}
          credentialId={credential.id}
          name={credential.name}
          method={credential.method}
          zoomApp={
            app && {
              name: app.name,
              connections: app.connections,
              shared: app.shared,
              mayChange: mayChangeZoomApp(ctx, app),
            }
          }
          connected={credential.status !== "draft" && credential.status !== "revoked"}
          revoke={revoke}
        />
      </div>
    </>
  );
}
