import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ConnectLinksCard } from "@/components/connect-links/connect-links-card";
import { AppConnections } from "@/components/zoom-apps/app-connections";
import { EventSubscriptionCard } from "@/components/zoom-apps/event-subscription-card";
import { ZoomAppAdminActions } from "@/components/zoom-apps/zoom-app-admin-actions";
import { ZoomAppFacts } from "@/components/zoom-apps/zoom-app-facts";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { listConnectLinks } from "@/lib/connect-links/manage-connect-links";
import { db } from "@/lib/db/client";
import { listMembers } from "@/lib/members/manage-members";
import { AppError } from "@/lib/errors/app-error";
import { firstUnfinishedStep } from "@/lib/guides/progress";
import { findAppSetupStep } from "@/lib/zoom-apps/find-app-setup-step";
import { appSetupGuide, appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";
import { activeClientId, findZoomApp } from "@/lib/zoom-apps/find-zoom-app";
import { UNPUBLISHED_APP_SENTENCE } from "@/lib/zoom-apps/labels";
import { listAppConnections } from "@/lib/zoom-apps/list-app-connections";

export const metadata: Metadata = { title: "Zoom app" };

export default async function ZoomAppPage({ params }: { params: Promise<{ slug: string; appId: string }> }) {
  const { slug, appId } = await params;
  const ctx = await requireWorkspacePage(slug, "admin");
  const app = await findZoomApp(db(), ctx.workspace.id, appId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [credentials, setupStep, links, members] = await Promise.all([
    listAppConnections(db(), ctx.workspace.id, app.id),
    findAppSetupStep(db(), ctx.workspace.id, app.id),
    listConnectLinks(db(), ctx.workspace.id, app.id),
    listMembers(db(), ctx.workspace.id),
  ]);
  // An app added here and not finished yet (apps made in a credential's wizard have no setup of their own).
  const resume = firstUnfinishedStep(appSetupGuide, setupStep);
  const unfinished =
    app.kind === "oauth" && (!app.hasClientSecret || !activeClientId(app)) && resume.kind !== "done";
  return (
    <>
      <PageHeader
        title={app.name}
        description={app.kind === "oauth" ? UNPUBLISHED_APP_SENTENCE : undefined}
        actions={
          unfinished && (
            <Link href={appSetupUrl(slug, app.id, resume.key)} className={buttonClasses("primary")}>
              Continue setup
            </Link>
          )
        }
      />
      <div className="flex flex-col gap-6">
        <ZoomAppFacts app={app} />
        <AppConnections slug={slug} connections={credentials} />
        {app.kind === "oauth" && (
          <ConnectLinksCard
            slug={slug}
            zoomAppId={app.id}
            links={links}
            members={members.map((m) => m.user)}
            me={ctx.user.id}
            usable={app.shared && app.hasClientSecret && activeClientId(app) !== null}
          />
        )}
        <EventSubscriptionCard slug={slug} app={app} />
        <ZoomAppAdminActions slug={slug} app={app} />
      </div>
    </>
  );
}
