import Link from "next/link";
import { StatusBadge } from "@/components/credentials/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import type { listCredentials } from "@/lib/credentials/list-credentials";
import { methodLabels } from "@/lib/credentials/status";
import { guideFor } from "@/lib/guides";
import { continueSetupUrl } from "@/lib/guides/step-url";

type Row = Awaited<ReturnType<typeof listCredentials>>[number];

/** A member's own credentials: few of them, so one short table with a way back into each. */
export function MyCredentialsTable({ slug, credentials }: { slug: string; credentials: Row[] }) {
  if (credentials.length === 0) return <NoCredentialsYet />;
  const base = `/w/${slug}/credentials`;
  return (
    <DataTable caption="Zoom credentials" captionHidden>
      <TableHead>
        <HeaderCell>Name</HeaderCell>
        <HeaderCell>Status</HeaderCell>
        <HeaderCell hideBelow="sm">Zoom user</HeaderCell>
        <HeaderCell hideBelow="md">Method</HeaderCell>
        <HeaderCell hideBelow="md">Created</HeaderCell>
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
              <Cell hideBelow="sm" className="wrap-anywhere">
                {credential.zoomEmail ?? "—"}
              </Cell>
              <Cell hideBelow="md">
                {methodLabels[credential.method as keyof typeof methodLabels] ?? credential.method}
              </Cell>
              <Cell hideBelow="md">{formatDate(credential.createdAt)}</Cell>
              <Cell align="right">
                {draft ? (
                  <Link
                    href={continueSetupUrl(slug, credential, guide)}
                    className={buttonClasses("secondary", "px-3 py-1.5 whitespace-nowrap")}
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
  );
}

export function NoCredentialsYet() {
  return (
    <Card>
      <h2 className="font-medium">No Zoom credentials yet</h2>
      <p className="mt-1 text-sm text-slate-600">
        Press “New Zoom credential” to connect a Zoom account. It takes about ten minutes, and the app tells
        you what to click in Zoom.
      </p>
    </Card>
  );
}
