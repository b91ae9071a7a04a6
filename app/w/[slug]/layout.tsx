import { KeyRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { WorkspaceNotices } from "@/components/layout/workspace-notices";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { isAdmin, roleLabels } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listMyWorkspaces } from "@/lib/workspaces/create-workspace";
import { loadWorkspaceNotices } from "@/lib/workspaces/workspace-notices";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const ctx = await requireWorkspacePage(slug);
  const [workspaces, notices] = await Promise.all([
    listMyWorkspaces(db(), ctx.user.id),
    loadWorkspaceNotices(db(), ctx),
  ]);
  const base = `/w/${ctx.workspace.slug}`;
  // Few doors: the list of credentials, the Zoom apps they go through, the admin pages behind one
  // "Admin" (with their own navigation), and the person's own notification settings.
  const nav: NavItem[] = [
    { href: `${base}/credentials`, label: "Credentials" },
    ...(isAdmin(ctx.role)
      ? [
          { href: `${base}/apps`, label: "Zoom apps" },
          { href: `${base}/admin`, label: "Admin" },
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
      <WorkspaceNotices slug={ctx.workspace.slug} admin={isAdmin(ctx.role)} notices={notices} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
