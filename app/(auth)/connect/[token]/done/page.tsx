import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LinkStateCard } from "@/components/connect-links/link-state-card";
import { Card } from "@/components/ui/card";
import { findConnectLink } from "@/lib/connect-links/find-connect-link";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Connected", robots: { index: false } };

/** Where a connect link's handshake ends: the link is used up now. */
export default async function ConnectLinkDonePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findConnectLink(db(), token);
  // Not connected yet: back to the link's page and its button.
  if (link.state === "valid") redirect(`/connect/${token}`);
  if (link.state !== "used") return <LinkStateCard state={link.state} />;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Done — you can close this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your Zoom account is connected. Nothing else is needed from you.
      </p>
    </Card>
  );
}
