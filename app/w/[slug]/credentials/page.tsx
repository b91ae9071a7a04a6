import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import { StatusBadge } from "@/components/credentials/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/roles";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { methodLabels } from "@/lib/credentials/status";
import { db } from "@/lib/db/client";
import { guideFor } from "@/lib/guides";
import { continueSetupUrl } from "@/lib/guides/step-url";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug);
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
      {credentials.length === 0 ? (
        <Card>
          <h2 className="font-medium">No Zoom credentials yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            Press “New Zoom credential” to connect a Zoom account. It takes about ten minutes, and the app
            tells you what to click in Zoom.
          </p>
        </Card>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-sm">
            <caption className="sr-only">Zoom credentials</caption>
            <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-6 py-2">
                  Name
                </th>
                <th scope="col" className="px-6 py-2">
                  Status
                </th>
                <th scope="col" className="px-6 py-2">
                  Zoom user
                </th>
                <th scope="col" className="px-6 py-2">
                  Method
                </th>
                {admin && (
                  <th scope="col" className="px-6 py-2">
                    Owner
                  </th>
                )}
                <th scope="col" className="px-6 py-2">
                  Created
                </th>
                <th scope="col" className="px-6 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {credentials.map((credential) => {
                const guide = guideFor(credential.method);
                const draft = credential.status === "draft" && guide;
                return (
                  <tr key={credential.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-6 py-3 font-medium">
                      <Link href={`${base}/${credential.id}`} className="hover:underline">
                        {credential.name}
                      </Link>
                    </td>
                    <td className="px-6 py-3">
                      <StatusBadge status={credential.status} />
                    </td>
                    <td className="px-6 py-3">{credential.zoomEmail ?? "—"}</td>
                    <td className="px-6 py-3">
                      {methodLabels[credential.method as keyof typeof methodLabels] ?? credential.method}
                    </td>
                    {admin && <td className="px-6 py-3">{credential.owner.name}</td>}
                    <td className="px-6 py-3">{formatDate(credential.createdAt)}</td>
                    <td className="px-6 py-3 text-right">
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
