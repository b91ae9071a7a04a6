import type { Metadata } from "next";
import Link from "next/link";
import { AccountFiltersForm } from "@/components/admin/account-filters-form";
import { AccountRowActions } from "@/components/admin/account-row-actions";
import { TestAllButton } from "@/components/admin/test-all-button";
import { StatusBadge } from "@/components/credentials/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import {
  Cell,
  DataTable,
  EmptyRow,
  HeaderCell,
  SortableHeaderCell,
  TableHead,
  TableRow,
  type HideBelow,
} from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { parseAccountFilters, type AccountFilters } from "@/lib/admin/account-filters";
import { listAccounts } from "@/lib/admin/list-accounts";
import { revokeImpacts } from "@/lib/credentials/revoke-impact";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { methodLabels, statusLabels } from "@/lib/credentials/status";
import { db } from "@/lib/db/client";
import { splitScopes } from "@/lib/guides/scopes";

export const metadata: Metadata = { title: "Connected accounts" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function hrefWith(base: string, filters: AccountFilters, change: Partial<AccountFilters>): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next))
    if (value !== undefined && value !== "" && !(key === "page" && value === 1))
      params.set(key, String(value));
  return `${base}?${params.toString()}`;
}

// On a phone the table keeps name, status and actions; the details are one tap away (Open).
const hide = {
  zoomUser: "md",
  owner: "lg",
  scopes: "xl",
  refreshed: "lg",
  nextRefresh: "xl",
  used: "md",
} as const satisfies Record<string, HideBelow>;

export default async function ConnectedAccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Search;
}) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const filters = parseAccountFilters(await searchParams);
  const { rows, total, pages, counts, owners } = await listAccounts(db(), ctx.workspace.id, filters);
  const impacts = await revokeImpacts(db(), rows);
  const base = `/w/${ctx.workspace.slug}/admin/accounts`;
  const summary = (["connected", "needs_reconnect", "expiring_soon", "error", "draft", "revoked"] as const)
    .filter((status) => counts[status])
    .map((status) => `${counts[status]} ${statusLabels[status].toLowerCase()}`)
    .join(" · ");
  const caption =
    `${total} credential${total === 1 ? "" : "s"}` + (pages > 1 ? ` · page ${filters.page} of ${pages}` : "");
  const sortHeader = (column: AccountFilters["sort"], label: string, hideBelow?: HideBelow) => {
    const active = filters.sort === column;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    return (
      <SortableHeaderCell
        label={label}
        hideBelow={hideBelow}
        href={hrefWith(base, filters, { sort: column, dir, page: 1 })}
        sorted={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      />
    );
  };

  return (
    <>
      <PageHeader
        title="Connected accounts"
        description={<span aria-label="Summary">{summary || "No credentials yet."}</span>}
        actions={<TestAllButton slug={ctx.workspace.slug} />}
      />
      <AccountFiltersForm base={base} filters={filters} owners={owners} />

      <DataTable caption={caption}>
        <TableHead>
          {sortHeader("name", "Name")}
          {sortHeader("status", "Status")}
          <HeaderCell hideBelow={hide.zoomUser}>Zoom user</HeaderCell>
          <HeaderCell hideBelow={hide.owner}>Owner</HeaderCell>
          <HeaderCell hideBelow={hide.scopes}>Scopes</HeaderCell>
          {sortHeader("lastRefreshedAt", "Last refreshed", hide.refreshed)}
          {sortHeader("accessTokenExpiresAt", "Next refresh", hide.nextRefresh)}
          {sortHeader("lastUsedAt", "Last used", hide.used)}
          <HeaderCell align="right">Actions</HeaderCell>
        </TableHead>
        <tbody>
          {rows.length === 0 && <EmptyRow columns={9}>No credentials match these filters.</EmptyRow>}
          {rows.map((row, index) => {
            const live = row.status !== "draft" && row.status !== "revoked";
            return (
              <TableRow key={row.id}>
                <Cell>
                  <span className="font-medium">{row.name}</span>
                  <span className="block text-xs text-slate-500">
                    {methodLabels[row.method as keyof typeof methodLabels] ?? row.method}
                  </span>
                </Cell>
                <Cell>
                  <StatusBadge status={row.status} />
                  {row.lastErrorMessage && (
                    <span className="mt-1 block max-w-48 text-xs text-red-800">{row.lastErrorMessage}</span>
                  )}
                </Cell>
                <Cell hideBelow={hide.zoomUser}>
                  {row.zoomName ?? "—"}
                  <span className="block text-xs wrap-anywhere text-slate-500">{row.zoomEmail}</span>
                  {row.zoomAccountId && (
                    <span className="block font-mono text-xs wrap-anywhere text-slate-500">
                      {row.zoomAccountId}
                    </span>
                  )}
                </Cell>
                <Cell hideBelow={hide.owner}>{row.owner.name}</Cell>
                <Cell hideBelow={hide.scopes} className="text-xs">
                  {splitScopes(row.grantedScopes).length || "—"}
                </Cell>
                <Cell hideBelow={hide.refreshed}>{formatDateTime(row.lastRefreshedAt)}</Cell>
                <Cell hideBelow={hide.nextRefresh}>
                  {row.method === "access_token"
                    ? "never (expires " + formatDateTime(row.accessTokenExpiresAt) + ")"
                    : row.accessTokenExpiresAt && live
                      ? formatDateTime(new Date(row.accessTokenExpiresAt.getTime() - 5 * 60_000))
                      : "—"}
                </Cell>
                <Cell hideBelow={hide.used}>{formatDateTime(row.lastUsedAt)}</Cell>
                <Cell>
                  <AccountRowActions
                    slug={ctx.workspace.slug}
                    credentialId={row.id}
                    name={row.name}
                    canRefresh={live && row.method !== "access_token"}
                    canDisconnect={live}
                    revoke={impacts[index]!}
                  />
                </Cell>
              </TableRow>
            );
          })}
        </tbody>
      </DataTable>
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {filters.page > 1 ? (
            <Link
              className={buttonClasses("secondary")}
              href={hrefWith(base, filters, { page: filters.page - 1 })}
            >
              Previous page
            </Link>
          ) : (
            <span />
          )}
          {filters.page < pages ? (
            <Link
              className={buttonClasses("secondary")}
              href={hrefWith(base, filters, { page: filters.page + 1 })}
            >
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
