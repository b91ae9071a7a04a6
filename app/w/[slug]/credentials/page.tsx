import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import { StatusBadge } from "@/components/credentials/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Cell, DataTable, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/roles";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { methodLabels } from "@/lib/credentials/status";
import { db } from "@/lib/db/client";
import { guideFor } from "@/lib/guides";
import { continueSetupUrl } from "@/lib/guides/step-url";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireWorkspacePage((await params).slug);
  const query = await searchParams;
  const n8nName = typeof query.n8nName === "string" ? query.n8nName.slice(0, 200) : null;
  const credentials = await listCredentials(db(), ctx);
  const base = `/w/${ctx.workspace.slug}/credentials`;
  const admin = isAdmin(ctx.role);
  return (
    <>
      <PageHeader
        title="Credentials"
        description={
          admin
            ? "Zoom connections of this workspace. As an admin you see everyone’s."
            : "Your Zoom connections in this workspace."
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/w/${ctx.workspace.slug}/connect`} className={buttonClasses("secondary")}>
              Connect my Zoom account
            </Link>
            <Link href={`${base}/new`} className={buttonClasses("primary")}>
              <Plus aria-hidden className="h-4 w-4" /> New Zoom credential
            </Link>
          </div>
        }
      />
      {n8nName && (query.n8n === "emptied" || query.n8n === "pending") && (
        <div className="mb-6">
          <Alert tone={query.n8n === "emptied" ? "success" : "warning"}>
            {query.n8n === "emptied"
              ? `Deleted. The token in the n8n credential “${n8nName}” was emptied.`
              : `Deleted. The token in the n8n credential “${n8nName}” could not be emptied yet: n8n did not answer. The app keeps trying.`}
          </Alert>
        </div>
      )}
      {credentials.length === 0 ? (
        <Card>
          <h2 className="font-medium">No Zoom credentials yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            Press “New Zoom credential” to connect a Zoom account. It takes about ten minutes, and the app
            tells you what to click in Zoom.
          </p>
        </Card>
      ) : (
        <DataTable caption="Zoom credentials" captionHidden>
          <TableHead>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell>Status</HeaderCell>
            <HeaderCell>Zoom user</HeaderCell>
            <HeaderCell>Method</HeaderCell>
            {admin && <HeaderCell>Owner</HeaderCell>}
            <HeaderCell>Created</HeaderCell>
            <HeaderCell>
              <span className="sr-only">Actions</span>
            </HeaderCell>
          </TableHead>
          <tbody>
            {credentials.map((credential) => {
              const guide = guideFor(credential.method);
              const draft = credential.status === "draft" && guide;
              return (
                <TableRow key={credential.id}>
                  <Cell className="font-medium">
                    <Link href={`${base}/${credential.id}`} className="hover:underline">
                      {credential.name}
                    </Link>
                  </Cell>
                  <Cell>
                    <StatusBadge status={credential.status} />
                  </Cell>
                  <Cell className="wrap-anywhere">{credential.zoomEmail ?? "—"}</Cell>
                  <Cell>
                    {methodLabels[credential.method as keyof typeof methodLabels] ?? credential.method}
                  </Cell>
                  {admin && <Cell>{credential.owner.name}</Cell>}
                  <Cell>{formatDate(credential.createdAt)}</Cell>
                  <Cell align="right">
                    {draft ? (
                      <Link
                        href={continueSetupUrl(ctx.workspace.slug, credential, guide)}
                        className={buttonClasses("secondary", "px-3 py-1.5")}
                        aria-label={`Continue setup of ${credential.name}`}
                      >
                        Continue setup
                      </Link>
                    ) : (
                      <Link
                        href={`${base}/${credential.id}`}
                        className={buttonClasses("ghost", "px-3 py-1.5")}
                        aria-label={`Open ${credential.name}`}
                      >
                        Open
                      </Link>
                    )}
                  </Cell>
                </TableRow>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
