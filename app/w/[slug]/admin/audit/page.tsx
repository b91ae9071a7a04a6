import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
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
  const [events, people, credentials] = await Promise.all([
    listAuditEvents(db(), { workspaceId: ctx.workspace.id, filters }),
    db().membership.findMany({
      where: { workspaceId: ctx.workspace.id },
      select: { user: { select: { id: true, name: true } } },
    }),
    db().credential.findMany({
      where: { workspaceId: ctx.workspace.id },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  const credentialNames = new Map(credentials.map((c) => [c.id, c.name]));
  const select = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, and when — the newest 200 events that match. Secrets are never written here."
      />
      <form method="get" aria-label="Filter events" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="text-sm font-medium">
            Action
          </label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className={select}>
            <option value="">All actions</option>
            {Object.entries(AUDIT_ACTIONS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="person" className="text-sm font-medium">
            Person
          </label>
          <select id="person" name="person" defaultValue={filters.person ?? ""} className={select}>
            <option value="">Everyone</option>
            {people.map(({ user }) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="credential" className="text-sm font-medium">
            Credential
          </label>
          <select
            id="credential"
            name="credential"
            defaultValue={filters.credential ?? ""}
            className={select}
          >
            <option value="">All credentials</option>
            {credentials.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Apply filters
        </button>
        <Link href={`/w/${ctx.workspace.slug}/admin/audit`} className="py-2 text-sm text-brand-700 underline">
          Clear
        </Link>
      </form>
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-6 py-2">
                When
              </th>
              <th scope="col" className="px-6 py-2">
                Who
              </th>
              <th scope="col" className="px-6 py-2">
                What
              </th>
              <th scope="col" className="px-6 py-2">
                Credential
              </th>
              <th scope="col" className="px-6 py-2">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {events.length === 0 && (
              <tr>
                <td colSpan={5} className="px-6 py-4 text-slate-600">
                  No events match.
                </td>
              </tr>
            )}
            {events.map((event) => (
              <tr key={event.id} className="border-b border-slate-100 last:border-0">
                <td className="px-6 py-3 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
                <td className="px-6 py-3">{event.actorLabel}</td>
                <td className="px-6 py-3">{event.actionLabel}</td>
                <td className="px-6 py-3">
                  {event.credentialId
                    ? (credentialNames.get(event.credentialId) ?? "a deleted credential")
                    : "—"}
                </td>
                <td className="px-6 py-3 text-slate-600">
                  {Object.entries(event.details)
                    .filter(([, value]) => value !== null && value !== "")
                    .map(([key, value]) => `${key}: ${String(value)}`)
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
