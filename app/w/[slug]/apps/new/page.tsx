import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { NewZoomAppForm } from "@/components/zoom-apps/new-zoom-app-form";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { UNPUBLISHED_APP_SENTENCE } from "@/lib/zoom-apps/labels";

export const metadata: Metadata = { title: "Add a Zoom app" };

export default async function NewZoomAppPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspacePage(slug, "admin");
  return (
    <>
      <PageHeader
        title="Add a Zoom app"
        description={`Build the app in the Zoom Marketplace once, following the steps; it is saved for the whole workspace and nobody is connected yet. ${UNPUBLISHED_APP_SENTENCE}`}
      />
      <NewZoomAppForm slug={slug} />
    </>
  );
}
