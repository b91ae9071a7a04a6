import Link from "next/link";
import { RENEW_AHEAD_MS } from "@/lib/keeper/keeper-rules";
import { CredentialRowActions } from "@/components/credentials/credential-row-actions";
import { StatusBadge } from "@/components/credentials/status-badge";
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
import { credentialFiltersHref, type CredentialFilters } from "@/lib/credentials/credential-filters";
import type { listWorkspaceCredentials } from "@/lib/credentials/list-workspace-credentials";
import type { RevokeImpact } from "@/lib/credentials/revoke-wording";
import { methodLabels } from "@/lib/credentials/status";
import { guideFor } from "@/lib/guides";
import { splitScopes } from "@/lib/guides/scopes";
import { continueSetupUrl } from "@/lib/guides/step-url";

type Listing = Awaited<ReturnType<typeof listWorkspaceCredentials>>;

// On a phone the table keeps name, status and actions; the details are one tap away (Open).
const hide = {
  zoomUser: "md",
  owner: "lg",
  scopes: "xl",
  refreshed: "lg",
  nextRefresh: "xl",
  used: "md",
} as const satisfies Record<string, HideBelow>;

/** The admins' view of every credential: who owns it, whether it works, when it renews, and its actions. */
export function WorkspaceCredentialsTable({
  slug,
  base,
  filters,
  listing: { rows, total, pages },
  impacts,
}: {
  slug: string;
  base: string;
  filters: CredentialFilters;
  listing: Listing;
  impacts: RevokeImpact[];
}) {
  const caption =
    `${total} credential${total === 1 ? "" : "s"}` + (pages > 1 ? ` · page ${filters.page} of ${pages}` : "");
  const sortHeader = (column: CredentialFilters["sort"], label: string, hideBelow?: HideBelow) => {
    const active = filters.sort === column;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    return (
      <SortableHeaderCell
        label={label}
        hideBelow={hideBelow}
        href={credentialFiltersHref(base, filters, { sort: column, dir, page: 1 })}
        sorted={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      />
    );
  };
  return (
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
          const guide = row.status === "draft" ? guideFor(row.method) : undefined;
          return (
            <TableRow key={row.id}>
              <Cell>
                <Link href={`/w/${slug}/credentials/${row.id}`} className="font-medium hover:underline">
                  {row.name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {methodLabels[row.method as keyof typeof methodLabels] ?? row.method}
                </span>
                {guide && (
                  <Link
                    href={continueSetupUrl(slug, row, guide)}
                    className="mt-1 block text-xs font-medium whitespace-nowrap text-brand-700 underline"
                    aria-label={`Continue setup of ${row.name}`}
                  >
                    Continue setup
                  </Link>
                )}
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
                    ? formatDateTime(new Date(row.accessTokenExpiresAt.getTime() - RENEW_AHEAD_MS))
                    : "—"}
              </Cell>
              <Cell hideBelow={hide.used}>{formatDateTime(row.lastUsedAt)}</Cell>
              <Cell>
                <CredentialRowActions
                  slug={slug}
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
  );
}
