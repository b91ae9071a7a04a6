import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireWorkspacePage((await params).slug, "admin");
  return (
    <>
      <PageHeader title="API keys" description="Keys that let your other services fetch fresh Zoom tokens from this app." />
      <Card>
        <p className="text-sm text-slate-600">Creating and revoking API keys for the token API is coming in a later release.</p>
      </Card>
    </>
  );
}
