import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Cell, DataTable, EmptyRow, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { formatDateTime } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { listAuditFilterChoices } from "@/lib/audit/audit-filter-choices";
import { listAuditEvents, parseAuditFilters } from "@/lib/audit/list-events";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const filters = parseAuditFilters(await searchParams);
  const [events, { people, credentials }] = await Promise.all([
    listAuditEvents(db(), { workspaceId: ctx.workspace.id, filters }),
    listAuditFilterChoices(db(), ctx.workspace.id),
  ]);
  const credentialNames = new Map(credentials.map((c) => [c.id, c.name]));
  const clear = `/w/${ctx.workspace.slug}/admin/audit`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, and when — the newest 200 events that match. Secrets are never written here."
      />
      <FilterForm label="Filter events" clearHref={clear}>
        <Select
          id="action"
          name="action"
          label="Action"
          defaultValue={filters.action ?? ""}
          placeholder="All actions"
          options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          id="person"
          name="person"
          label="Person"
          defaultValue={filters.person ?? ""}
          placeholder="Everyone"
          options={people.map((person) => ({ value: person.id, label: person.name }))}
        />
        <Select
          id="credential"
          name="credential"
          label="Credential"
          defaultValue={filters.credential ?? ""}
          placeholder="All credentials"
          options={credentials.map((c) => ({ value: c.id, label: c.name }))}
        />
      </FilterForm>
      <DataTable caption="Audit events" captionHidden>
        <TableHead>
          <HeaderCell>When</HeaderCell>
          <HeaderCell>Who</HeaderCell>
          <HeaderCell>What</HeaderCell>
          <HeaderCell hideBelow="sm">Credential</HeaderCell>
          <HeaderCell hideBelow="md">Details</HeaderCell>
        </TableHead>
        <tbody>
          {events.length === 0 && <EmptyRow columns={5}>No events match.</EmptyRow>}
          {events.map((event) => (
            <TableRow key={event.id}>
              <Cell>{formatDateTime(event.createdAt)}</Cell>
              <Cell>{event.actorLabel}</Cell>
              <Cell>{event.actionLabel}</Cell>
              <Cell hideBelow="sm">
                {event.credentialId
                  ? (credentialNames.get(event.credentialId) ?? "a deleted credential")
                  : "—"}
              </Cell>
              <Cell hideBelow="md" className="wrap-anywhere text-slate-600">
                {Object.entries(event.details)
                  .filter(([, value]) => value !== null && value !== "")
                  .map(([key, value]) => `${key}: ${String(value)}`)
                  .join(" · ")}
              </Cell>
            </TableRow>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
