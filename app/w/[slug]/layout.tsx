import { KeyRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { isAdmin, roleLabels } from "@/lib/auth/roles";
import { credentialScope } from "@/lib/credentials/find-credential";
import { db } from "@/lib/db/client";
import { listMyWorkspaces } from "@/lib/workspaces/create-workspace";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const ctx = await requireWorkspacePage(slug);
  const [workspaces, needReconnect, removedInZoom, n8nFailing] = await Promise.all([
    listMyWorkspaces(db(), ctx.user.id),
    // The notice Zoom's invalid_grant leads to: for admins every credential, for members their own.
    db().credential.count({ where: { ...credentialScope(ctx), status: "needs_reconnect" } }),
    // Zoom's app_deauthorized: the app was removed from someone's Zoom account.
    db().credential.count({
      where: { ...credentialScope(ctx), status: "revoked", lastErrorCode: "app_deauthorized" },
    }),
    // A connection used in n8n whose new token n8n does not take (lib/n8n): the node will fail.
    db().n8nLink.findMany({
      where: { workspaceId: ctx.workspace.id, failingSince: { not: null }, credential: credentialScope(ctx) },
      select: { credentialId: true },
      take: 2,
    }),
  ]);
  const base = `/w/${ctx.workspace.slug}`;
  const nav: NavItem[] = [
    { href: `${base}/credentials`, label: "Credentials" },
    ...(isAdmin(ctx.role)
      ? [
          { href: `${base}/admin/accounts`, label: "Connected accounts" },
          { href: `${base}/apps`, label: "Zoom apps" },
          { href: `${base}/admin/audit`, label: "Audit log" },
          { href: `${base}/admin/members`, label: "Members" },
          { href: `${base}/admin/api-keys`, label: "API keys" },
          { href: `${base}/admin/notifications`, label: "Webhooks" },
          { href: `${base}/admin/n8n`, label: "n8n" },
        ]
      : []),
    { href: `${base}/settings/notifications`, label: "Notifications" },
  ];

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 pt-3">
          <div className="flex min-w-0 items-center gap-3">
            <Link
              href={`${base}/credentials`}
              className="flex items-center gap-2 font-semibold text-slate-800"
            >
              <KeyRound aria-hidden className="h-5 w-5 text-brand-600" />
              {/* Hidden on phones to leave room, but still the link's name for screen readers. */}
              <span className="sr-only md:not-sr-only">Zoom Credential Wizard</span>
            </Link>
            <WorkspaceSwitcher current={ctx.workspace} workspaces={workspaces} />
          </div>
          <UserMenu name={ctx.user.name} email={ctx.user.email} roleLabel={roleLabels[ctx.role]} />
        </div>
        <div className="mx-auto mt-2 max-w-6xl px-4">
          <AppNav items={nav} />
        </div>
      </header>
      {needReconnect > 0 && (
        <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          <div className="mx-auto max-w-6xl">
            {needReconnect === 1 ? "1 Zoom credential needs" : `${needReconnect} Zoom credentials need`} to be
            reconnected by a person: Zoom no longer accepts its token.{" "}
            <Link
              className="font-medium underline"
              href={
                isAdmin(ctx.role) ? `${base}/admin/accounts?status=needs_reconnect` : `${base}/credentials`
              }
            >
              Show {needReconnect === 1 ? "it" : "them"}
            </Link>
          </div>
        </div>
      )}
      {removedInZoom > 0 && (
        <div role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <div className="mx-auto max-w-6xl">
            {removedInZoom === 1 ? "1 Zoom connection was" : `${removedInZoom} Zoom connections were`} removed
            in Zoom: the Zoom user removed the app from their account, so it is Revoked.{" "}
            <Link
              className="font-medium underline"
              href={isAdmin(ctx.role) ? `${base}/admin/accounts?status=revoked` : `${base}/credentials`}
            >
              Show {removedInZoom === 1 ? "it" : "them"}
            </Link>
          </div>
        </div>
      )}
      {n8nFailing.length > 0 && (
        <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          <div className="mx-auto max-w-6xl">
            {n8nFailing.length === 1 ? "A connection used in n8n" : "Connections used in n8n"} could not give
            n8n the new token: Zoom nodes in n8n may fail.{" "}
            <Link
              className="font-medium underline"
              href={
                n8nFailing.length === 1
                  ? `${base}/credentials/${n8nFailing[0]!.credentialId}`
                  : isAdmin(ctx.role)
                    ? `${base}/admin/n8n`
                    : `${base}/credentials`
              }
            >
              Show {n8nFailing.length === 1 ? "it" : "them"}
            </Link>
          </div>
        </div>
      )}
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
