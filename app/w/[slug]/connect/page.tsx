import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { MemberConnectForm } from "@/components/zoom-apps/member-connect-form";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { findCredential } from "@/lib/credentials/find-credential";
import { db } from "@/lib/db/client";
import { listConnectChoices } from "@/lib/zoom-apps/list-connect-choices";
import { UNPUBLISHED_APP_SENTENCE } from "@/lib/zoom-apps/labels";

export const metadata: Metadata = { title: "Connect my Zoom account" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ credential?: string }> };

export default async function MemberConnectPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const ctx = await requireWorkspacePage(slug);
  const apps = await listConnectChoices(db(), ctx);
  // Back from a handshake that failed: the person's own draft and what Zoom said.
  const { credential: retryId } = await searchParams;
  const retry = retryId
    ? await findCredential(db(), { ...ctx, role: "member" }, retryId).catch(() => null)
    : null;
  return (
    <>
      <PageHeader
        title="Connect my Zoom account"
        description="Choose the workspace’s Zoom app, name the credential, press Connect to Zoom and allow access. That is all."
      />
      {apps.length === 0 ? (
        <Card>
          <h2 className="font-medium">No Zoom app is shared in this workspace yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            Ask a workspace admin to add one under Zoom apps — or{" "}
            <Link href={`/w/${slug}/credentials/new`} className="font-medium text-brand-700 underline">
              set up your own Zoom app
            </Link>{" "}
            with the guided wizard.
          </p>
        </Card>
      ) : (
        <Card className="flex max-w-xl flex-col gap-4">
          {retry?.status === "draft" && retry.lastErrorMessage && (
            <Alert tone="error" title="Zoom did not connect">
              {retry.lastErrorMessage}
            </Alert>
          )}
          <p className="text-sm text-slate-600">{UNPUBLISHED_APP_SENTENCE}</p>
          <MemberConnectForm
            slug={slug}
            apps={apps}
            {...(retry?.status === "draft" ? { retryCredentialId: retry.id } : {})}
            defaultName={retry?.name ?? `${ctx.user.name}’s Zoom`}
          />
        </Card>
      )}
    </>
  );
}
