import type { Metadata } from "next";
import { NewCredentialForm } from "@/components/credentials/new-credential-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "New Zoom credential" };

export default async function NewCredentialPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug);
  return (
    <>
      <PageHeader
        title="New Zoom credential"
        description={
          "Name it and choose how to connect. " +
          "The next screens walk you through the Zoom App Marketplace, one step at a time."
        }
      />
      <Card className="max-w-2xl">
        <NewCredentialForm slug={ctx.workspace.slug} />
      </Card>
    </>
  );
}
