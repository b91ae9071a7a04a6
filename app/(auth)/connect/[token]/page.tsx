import type { Metadata } from "next";
import { LinkConnectButton } from "@/components/connect-links/link-connect-button";
import { LinkStateCard } from "@/components/connect-links/link-state-card";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { findConnectLink } from "@/lib/connect-links/find-connect-link";
import { findLinkLastTry } from "@/lib/connect-links/find-link-last-try";
import { db } from "@/lib/db/client";
import { choicesForScopes, SCOPE_CHOICES, splitScopes } from "@/lib/guides/scopes";
import { UNPUBLISHED_APP_SENTENCE } from "@/lib/zoom-apps/labels";

export const metadata: Metadata = { title: "Connect your Zoom account", robots: { index: false } };

/** A connect link, for someone without an account: who asks, what access, one button. */
export default async function ConnectLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ taken?: string }>;
}) {
  const { token } = await params;
  const link = await findConnectLink(db(), token);
  // Back from Zoom after someone else's return on the same link (the route adds `taken`).
  const taken = (await searchParams).taken === "1";
  if (link.state !== "valid") return <LinkStateCard state={link.state} takenByOther={taken} />;
  const chosen = choicesForScopes(splitScopes(link.scopes));
  const access = SCOPE_CHOICES.filter((choice) => chosen.includes(choice.id));
  // Back from Zoom without a connection: what Zoom said, on the link's own draft.
  const lastTry = await findLinkLastTry(db(), link);
  return (
    <Card className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Connect your Zoom account</h1>
      <p className="text-sm">
        <span className="font-medium">{link.askedBy}</span> of {link.workspaceName} asks you to connect your
        Zoom account through their Zoom app “{link.appName}”, so their workflows can act for you in Zoom.
      </p>
      {link.note && <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">“{link.note}”</p>}
      <div>
        <h2 className="text-sm font-medium">What access is given</h2>
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
          {access.map((choice) => (
            <li key={choice.id}>
              {choice.label}: {choice.description}
            </li>
          ))}
        </ul>
      </div>
      <p className="text-sm text-slate-600">
        The connection belongs to {link.ownerName} in {link.workspaceName}. You can remove it at any time in
        Zoom (App Marketplace → Manage → Added Apps). {UNPUBLISHED_APP_SENTENCE}
      </p>
      {lastTry && (
        <Alert tone="error" title="Zoom did not connect">
          {lastTry}
        </Alert>
      )}
      <LinkConnectButton token={token} />
    </Card>
  );
}
