import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Card, PageHeader } from "@/components/ui/card";
import { Cell, DataTable, EmptyRow, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { KEY_ACTION_LABELS } from "@/lib/api-keys/key-scope";
import { listKeyCredentialChoices } from "@/lib/api-keys/list-key-credential-choices";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const [keys, connections] = await Promise.all([
    listApiKeys(db(), ctx.workspace.id),
    listKeyCredentialChoices(db(), ctx.workspace.id),
  ]);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          "Keys let your other services (“nodes”) fetch fresh Zoom access tokens from this app, or call " +
          "Zoom through it. Each key sees only this workspace’s credentials, and may be limited to some."
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CreateApiKeyForm slug={ctx.workspace.slug} connections={connections} />
          <p className="mt-4 text-sm text-slate-600">
            Use it like this:{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs wrap-anywhere">
              curl -H &quot;Authorization: Bearer zcw_…&quot; {getEnv().appUrl}
              /api/v1/credentials/&lt;credential id&gt;/token
            </code>{" "}
            or call Zoom through the app:{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs wrap-anywhere">
              curl -H &quot;Authorization: Bearer zcw_…&quot; {getEnv().appUrl}
              /api/v1/credentials/&lt;credential id&gt;/zoom/users/me
            </code>
          </p>
          <p className="mt-2 text-sm text-slate-600">
            Every address, answer and error:{" "}
            <a className="underline" href="/api/v1/openapi.json">
              the API&apos;s OpenAPI document
            </a>
            .
          </p>
        </Card>
        <DataTable caption={`Keys of ${ctx.workspace.name}`}>
          <TableHead>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell hideBelow="sm">Key</HeaderCell>
            <HeaderCell hideBelow="md">May</HeaderCell>
            <HeaderCell hideBelow="lg">Credentials</HeaderCell>
            <HeaderCell hideBelow="lg">Created by</HeaderCell>
            <HeaderCell hideBelow="xl">Created</HeaderCell>
            <HeaderCell hideBelow="md">Last used</HeaderCell>
            <HeaderCell align="right">Actions</HeaderCell>
          </TableHead>
          <tbody>
            {keys.length === 0 && <EmptyRow columns={8}>No keys yet.</EmptyRow>}
            {keys.map((key) => (
              <TableRow key={key.id}>
                <Cell className="font-medium">{key.name}</Cell>
                <Cell hideBelow="sm" className="font-mono text-xs">
                  zcw_{key.prefix}_…
                </Cell>
                <Cell hideBelow="md">
                  {key.scope.actions.map((a) => KEY_ACTION_LABELS[a]).join(", ") || "Nothing"}
                </Cell>
                <Cell hideBelow="lg">
                  {key.connectionNames ? key.connectionNames.join(", ") : "All credentials"}
                </Cell>
                <Cell hideBelow="lg">
                  {key.creatorName}
                  {key.creatorGone && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                      no longer in this workspace
                    </span>
                  )}
                </Cell>
                <Cell hideBelow="xl">{formatDateTime(key.createdAt)}</Cell>
                <Cell hideBelow="md">{formatDateTime(key.lastUsedAt)}</Cell>
                <Cell align="right">
                  {key.revokedAt ? (
                    <span className="text-slate-500">Revoked {formatDateTime(key.revokedAt)}</span>
                  ) : (
                    <RevokeApiKeyButton slug={ctx.workspace.slug} apiKeyId={key.id} name={key.name} />
                  )}
                </Cell>
              </TableRow>
            ))}
          </tbody>
        </DataTable>
      </div>
    </>
  );
}
