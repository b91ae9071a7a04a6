import type { ReactNode } from "react";
import { SectionNav } from "@/components/layout/section-nav";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { ADMIN_PAGES } from "@/lib/workspaces/admin-pages";

/** The workspace's admin pages behind one door of the main navigation, with their own navigation. */
export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const base = `/w/${ctx.workspace.slug}/admin`;
  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:gap-10">
      <div className="lg:w-44 lg:shrink-0">
        <SectionNav
          label="Admin"
          items={ADMIN_PAGES.map((page) => ({ href: `${base}/${page.path}`, label: page.label }))}
        />
      </div>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
