import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import { TestAllButton } from "@/components/credentials/test-all-button";
import { CredentialFiltersForm } from "@/components/credentials/credential-filters-form";
import { CredentialPagesNav } from "@/components/credentials/credential-pages-nav";
import { MyCredentialsTable, NoCredentialsYet } from "@/components/credentials/my-credentials-table";
import { WorkspaceCredentialsTable } from "@/components/credentials/workspace-credentials-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspacePage, type WorkspaceContext } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/roles";
import { isFiltered, parseCredentialFilters } from "@/lib/credentials/credential-filters";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { listWorkspaceCredentials } from "@/lib/credentials/list-workspace-credentials";
import { revokeImpacts } from "@/lib/credentials/revoke-impact";
import { statusLabels } from "@/lib/credentials/status";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Credentials" };

type Search = Record<string, string | string[] | undefined>;

/**
 * The one list of a workspace's Zoom credentials. A member sees their own; an
 * admin sees everyone's with the owner, renewal times, errors, filters and row
 * actions (this was the separate "Connected accounts" page).
 */
export default async function CredentialsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Search>;
}) {
  const ctx = await requireWorkspacePage((await params).slug);
  const query = await searchParams;
  const n8nName = typeof query.n8nName === "string" ? query.n8nName.slice(0, 200) : null;
  const slug = ctx.workspace.slug;
  const n8nNotice = n8nName && (query.n8n === "emptied" || query.n8n === "pending") && (
    <div className="mb-6">
      <Alert tone={query.n8n === "emptied" ? "success" : "warning"}>
        {query.n8n === "emptied"
          ? `Deleted. The token in the n8n credential “${n8nName}” was emptied.`
          : `Deleted. The token in the n8n credential “${n8nName}” could not be emptied yet: n8n did not answer. The app keeps trying.`}
      </Alert>
    </div>
  );
  if (!isAdmin(ctx.role)) {
    const credentials = await listCredentials(db(), ctx);
    return (
      <>
        <PageHeader
          title="Credentials"
          description="Your Zoom credentials in this workspace."
          actions={<HeaderActions slug={slug} testAll={false} />}
        />
        {n8nNotice}
        <MyCredentialsTable slug={slug} credentials={credentials} />
      </>
    );
  }
  return <AdminCredentials ctx={ctx} query={query} notice={n8nNotice} />;
}

/** "Test all" only where there is something to test: an admin's list that is not empty. */
function HeaderActions({ slug, testAll }: { slug: string; testAll: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Link href={`/w/${slug}/connect`} className={buttonClasses("secondary")}>
        Connect my Zoom account
      </Link>
      <Link href={`/w/${slug}/credentials/new`} className={buttonClasses("primary")}>
        <Plus aria-hidden className="h-4 w-4" /> New Zoom credential
      </Link>
      {testAll && <TestAllButton slug={slug} />}
    </div>
  );
}

async function AdminCredentials({
  ctx,
  query,
  notice,
}: {
  ctx: WorkspaceContext;
  query: Search;
  notice: React.ReactNode;
}) {
  const filters = parseCredentialFilters(query);
  const listing = await listWorkspaceCredentials(db(), ctx.workspace.id, filters);
  const impacts = await revokeImpacts(db(), listing.rows);
  const base = `/w/${ctx.workspace.slug}/credentials`;
  const summary = (["connected", "needs_reconnect", "expiring_soon", "error", "draft", "revoked"] as const)
    .filter((status) => listing.counts[status])
    .map((status) => `${listing.counts[status]} ${statusLabels[status].toLowerCase()}`)
    .join(" · ");
  const none = !summary && !isFiltered(filters);
  return (
    <>
      <PageHeader
        title="Credentials"
        description={
          <>
            Every Zoom credential of this workspace: as an admin you see everyone’s.{" "}
            <span aria-label="Summary" className="block font-medium text-slate-700">
              {summary || "No credentials yet."}
            </span>
          </>
        }
        actions={<HeaderActions slug={ctx.workspace.slug} testAll={!none} />}
      />
      {notice}
      {none ? (
        <NoCredentialsYet />
      ) : (
        <>
          <CredentialFiltersForm base={base} filters={filters} owners={listing.owners} />
          <WorkspaceCredentialsTable
            slug={ctx.workspace.slug}
            base={base}
            filters={filters}
            listing={listing}
            impacts={impacts}
          />
          <CredentialPagesNav base={base} filters={filters} pages={listing.pages} />
        </>
      )}
    </>
  );
}
