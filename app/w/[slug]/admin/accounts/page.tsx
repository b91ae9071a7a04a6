import type { Metadata } from "next";
import Link from "next/link";
import { AccountRowActions } from "@/components/admin/account-row-actions";
import { TestAllButton } from "@/components/admin/test-all-button";
import { StatusBadge } from "@/components/credentials/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { parseAccountFilters, type AccountFilters } from "@/lib/admin/account-filters";
import { listAccounts } from "@/lib/admin/list-accounts";
import { revokeImpact } from "@/lib/credentials/revoke-impact";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { CREDENTIAL_STATUSES, methodLabels, statusLabels } from "@/lib/credentials/status";
import { CREDENTIAL_METHODS } from "@/lib/credentials/schemas";
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
  const impacts = await Promise.all(rows.map((row) => revokeImpact(db(), row)));
  const base = `/w/${ctx.workspace.slug}/admin/accounts`;
  const summary = (["connected", "needs_reconnect", "expiring_soon", "error", "draft", "revoked"] as const)
    .filter((status) => counts[status])
    .map((status) => `${counts[status]} ${statusLabels[status].toLowerCase()}`)
    .join(" · ");
  const sortLink = (column: AccountFilters["sort"], label: string) => {
    const active = filters.sort === column;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    return (
      <th
        scope="col"
        className="px-4 py-2"
        aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link href={hrefWith(base, filters, { sort: column, dir, page: 1 })} className="hover:underline">
          {label}
          {active ? (filters.dir === "asc" ? " ↑" : " ↓") : ""}
        </Link>
      </th>
    );
  };

  return (
    <>
      <PageHeader
        title="Connected accounts"
        description={<span aria-label="Summary">{summary || "No credentials yet."}</span>}
        actions={<TestAllButton slug={ctx.workspace.slug} />}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter accounts">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="Name or Zoom email"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-medium">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={filters.status ?? ""}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Any status</option>
            {CREDENTIAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="method" className="text-sm font-medium">
            Method
          </label>
          <select
            id="method"
            name="method"
            defaultValue={filters.method ?? ""}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Any method</option>
            {CREDENTIAL_METHODS.map((method) => (
              <option key={method} value={method}>
                {methodLabels[method]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="owner" className="text-sm font-medium">
            Owner
          </label>
          <select
            id="owner"
            name="owner"
            defaultValue={filters.owner ?? ""}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Anyone</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <button type="submit" className={buttonClasses("secondary")}>
          Apply filters
        </button>
        <Link href={base} className="py-2 text-sm text-brand-700 underline">
          Clear
        </Link>
      </form>

      <Card className="overflow-x-auto p-0">
        <table className="w-full text-sm">
          <caption className="px-4 pt-3 pb-2 text-left text-slate-600">
            {total} credential{total === 1 ? "" : "s"}
            {pages > 1 ? ` · page ${filters.page} of ${pages}` : ""}
          </caption>
          <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
            <tr>
              {sortLink("name", "Name")}
              {sortLink("status", "Status")}
              <th scope="col" className="px-4 py-2">
                Zoom user
              </th>
              <th scope="col" className="px-4 py-2">
                Owner
              </th>
              <th scope="col" className="px-4 py-2">
                Scopes
              </th>
              {sortLink("lastRefreshedAt", "Last refreshed")}
              {sortLink("accessTokenExpiresAt", "Next refresh")}
              {sortLink("lastUsedAt", "Last used")}
              <th scope="col" className="px-4 py-2 text-right">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={9} className="px-4 py-6 text-slate-600">
                  No credentials match these filters.
                </td>
              </tr>
            )}
            {rows.map((row, index) => {
              const live = row.status !== "draft" && row.status !== "revoked";
              return (
                <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="px-4 py-3">
                    <span className="font-medium">{row.name}</span>
                    <span className="block text-xs text-slate-500">
                      {methodLabels[row.method as keyof typeof methodLabels] ?? row.method}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={row.status} />
                    {row.lastErrorMessage && (
                      <span className="mt-1 block max-w-64 text-xs text-red-800">{row.lastErrorMessage}</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    {row.zoomName ?? "—"}
                    <span className="block text-xs text-slate-500">{row.zoomEmail}</span>
                    {row.zoomAccountId && (
                      <span className="block font-mono text-xs text-slate-500">{row.zoomAccountId}</span>
                    )}
                  </td>
                  <td className="px-4 py-3">{row.owner.name}</td>
                  <td className="px-4 py-3 text-xs">{splitScopes(row.grantedScopes).length || "—"}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(row.lastRefreshedAt)}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {row.method === "access_token"
                      ? "never (expires " + formatDateTime(row.accessTokenExpiresAt) + ")"
                      : row.accessTokenExpiresAt && live
                        ? formatDateTime(new Date(row.accessTokenExpiresAt.getTime() - 5 * 60_000))
                        : "—"}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(row.lastUsedAt)}</td>
                  <td className="px-4 py-3">
                    <AccountRowActions
                      slug={ctx.workspace.slug}
                      credentialId={row.id}
                      name={row.name}
                      canRefresh={live && row.method !== "access_token"}
                      canDisconnect={live}
                      revoke={impacts[index]!}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
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
