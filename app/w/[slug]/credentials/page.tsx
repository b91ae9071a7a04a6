import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug);
  return (
    <>
      <PageHeader
        title="Credentials"
        description={isAdmin(ctx.role) ? "Zoom connections of this workspace. As an admin you see everyone’s." : "Your Zoom connections in this workspace."}
      />
      <Card>
        <h2 className="font-medium">No Zoom credentials yet</h2>
        <p className="mt-1 text-sm text-slate-600">Soon you will connect a Zoom account here, step by step: the guided setup is being built.</p>
      </Card>
    </>
  );
}
