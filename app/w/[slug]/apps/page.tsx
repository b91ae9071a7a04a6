import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ZoomAppsTable } from "@/components/zoom-apps/zoom-apps-table";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listZoomApps } from "@/lib/zoom-apps/list-zoom-apps";

export const metadata: Metadata = { title: "Zoom apps" };

export default async function ZoomAppsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireWorkspacePage(slug, "admin");
  const apps = await listZoomApps(db(), ctx.workspace.id);
  return (
    <>
      <PageHeader
        title="Zoom apps"
        description="The apps built in the Zoom Marketplace for this workspace. Set one up once; then members connect their Zoom accounts through it in one click."
        actions={
          <Link href={`/w/${slug}/apps/new`} className={buttonClasses("primary")}>
            Add a Zoom app
          </Link>
        }
      />
      <ZoomAppsTable slug={slug} apps={apps} />
    </>
  );
}
