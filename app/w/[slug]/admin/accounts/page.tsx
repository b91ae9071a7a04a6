import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Connected accounts" };

export default async function ConnectedAccountsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireWorkspacePage((await params).slug, "admin");
  return (
    <>
      <PageHeader title="Connected accounts" description="Every Zoom account connected in this workspace, at a glance." />
      <Card>
        <p className="text-sm text-slate-600">
          This page will list every connected Zoom account — who connected it, whether it still works, and when its token refreshes — with actions to test, refresh and disconnect. It is coming in a
          later release.
        </p>
      </Card>
    </>
  );
}
