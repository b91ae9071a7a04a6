import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { EventSubscriptionCard } from "@/components/zoom-apps/event-subscription-card";
import { ZoomAppFacts } from "@/components/zoom-apps/zoom-app-facts";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findZoomApp } from "@/lib/zoom-apps/find-zoom-app";
import { UNPUBLISHED_APP_SENTENCE } from "@/lib/zoom-apps/labels";

export const metadata: Metadata = { title: "Zoom app" };

export default async function ZoomAppPage({ params }: { params: Promise<{ slug: string; appId: string }> }) {
  const { slug, appId } = await params;
  const ctx = await requireWorkspacePage(slug, "admin");
  const app = await findZoomApp(db(), ctx.workspace.id, appId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={app.name}
        description={app.kind === "oauth" ? UNPUBLISHED_APP_SENTENCE : undefined}
      />
      <div className="flex flex-col gap-6">
        <ZoomAppFacts app={app} />
        <EventSubscriptionCard slug={slug} app={app} />
      </div>
    </>
  );
}
