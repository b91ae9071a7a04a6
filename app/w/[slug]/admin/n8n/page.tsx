import type { Metadata } from "next";
import Link from "next/link";
import { N8nTargetForm } from "@/components/n8n/n8n-target-form";
import { RemoveN8nTargetButton } from "@/components/n8n/n8n-buttons";
import { Card, PageHeader } from "@/components/ui/card";
import { Cell, DataTable, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listN8nLinks } from "@/lib/n8n/find-link";
import { findN8nTarget } from "@/lib/n8n/n8n-target";

export const metadata: Metadata = { title: "n8n" };

export default async function AdminN8nPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const [target, links] = await Promise.all([
    findN8nTarget(db(), ctx.workspace.id),
    listN8nLinks(db(), ctx.workspace.id),
  ]);
  const slug = ctx.workspace.slug;
  return (
    <>
      <PageHeader
        title="n8n"
        description={
          "Let n8n's own Zoom node use this workspace's Zoom credentials: for each one you choose, the app " +
          "creates a credential in your n8n and pushes every renewed access token into it (never the refresh token). " +
          "Works with n8n 2.39.9 and later (2.41.1 tested); 2.39.0–2.39.8 cannot update credentials."
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <div className="flex flex-col gap-4">
            <N8nTargetForm slug={slug} currentUrl={target?.baseUrl ?? null} />
            {target && (
              <div className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-200 pt-4">
                <p className="text-sm text-slate-600">
                  Key checked {formatDateTime(target.checkedAt)}. A Zoom credential’s page has “Use in n8n”.
                </p>
                {links.length === 0 && <RemoveN8nTargetButton slug={slug} />}
              </div>
            )}
          </div>
        </Card>
        {links.length > 0 && (
          <DataTable caption="Zoom credentials used in n8n">
            <TableHead>
              <HeaderCell>Zoom credential</HeaderCell>
              <HeaderCell>n8n credential</HeaderCell>
              <HeaderCell>Last push</HeaderCell>
              <HeaderCell>n8n’s last answer</HeaderCell>
            </TableHead>
            <tbody>
              {links.map((link) => (
                <TableRow key={link.credentialId}>
                  <Cell>
                    <Link
                      className="font-medium underline"
                      href={`/w/${slug}/credentials/${link.credentialId}`}
                    >
                      {link.credential.name}
                    </Link>
                  </Cell>
                  <Cell>{link.n8nCredentialName}</Cell>
                  <Cell>{formatDateTime(link.lastPushAt)}</Cell>
                  <Cell>
                    {link.failingSince ? `Failing: ${link.lastAnswer ?? ""}` : (link.lastAnswer ?? "—")}
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </DataTable>
        )}
      </div>
    </>
  );
}
