import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const keys = await listApiKeys(db(), ctx.workspace.id);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your other services (“nodes”) fetch fresh Zoom access tokens from this app. Each key sees only this workspace’s credentials."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CreateApiKeyForm slug={ctx.workspace.slug} />
          <p className="mt-4 text-sm text-slate-600">
            Use it like this:{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">
              curl -H &quot;Authorization: Bearer zcw_…&quot; {getEnv().appUrl}
              /api/v1/credentials/&lt;credential id&gt;/token
            </code>
          </p>
        </Card>
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-sm">
            <caption className="px-6 pt-4 pb-2 text-left font-medium">Keys of {ctx.workspace.name}</caption>
            <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-6 py-2">
                  Name
                </th>
                <th scope="col" className="px-6 py-2">
                  Key
                </th>
                <th scope="col" className="px-6 py-2">
                  Created by
                </th>
                <th scope="col" className="px-6 py-2">
                  Created
                </th>
                <th scope="col" className="px-6 py-2">
                  Last used
                </th>
                <th scope="col" className="px-6 py-2 text-right">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-6 py-4 text-slate-600">
                    No keys yet.
                  </td>
                </tr>
              )}
              {keys.map((key) => (
                <tr key={key.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-6 py-3 font-medium">{key.name}</td>
                  <td className="px-6 py-3 font-mono text-xs">zcw_{key.prefix}_…</td>
                  <td className="px-6 py-3">
                    {key.creatorName}
                    {key.creatorGone && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                        no longer in this workspace
                      </span>
                    )}
                  </td>
                  <td className="px-6 py-3">{formatDateTime(key.createdAt)}</td>
                  <td className="px-6 py-3">{formatDateTime(key.lastUsedAt)}</td>
                  <td className="px-6 py-3 text-right">
                    {key.revokedAt ? (
                      <span className="text-slate-500">Revoked {formatDateTime(key.revokedAt)}</span>
                    ) : (
                      <RevokeApiKeyButton slug={ctx.workspace.slug} apiKeyId={key.id} name={key.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
