import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { listAuditEvents } from "@/lib/audit/list-events";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const events = await listAuditEvents(db(), { workspaceId: ctx.workspace.id });
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, and when. The newest 100 events; filters are coming in a later release." />
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-6 py-2">When</th>
              <th scope="col" className="px-6 py-2">Who</th>
              <th scope="col" className="px-6 py-2">What</th>
              <th scope="col" className="px-6 py-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-slate-100 last:border-0">
                <td className="px-6 py-3 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
                <td className="px-6 py-3">{event.actorLabel}</td>
                <td className="px-6 py-3">{event.actionLabel}</td>
                <td className="px-6 py-3 text-slate-600">
                  {Object.entries(event.details)
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
