import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionCard } from "@/components/credentials/connection-card";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { findCredential } from "@/lib/credentials/find-credential";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Connected" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ credential?: string }> };

export default async function MemberConnectDonePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const ctx = await requireWorkspacePage(slug);
  const { credential: id } = await searchParams;
  const credential = id ? await findCredential(db(), ctx, id).catch(() => null) : null;
  if (!credential) notFound();
  return (
    <>
      <PageHeader title="Done — your Zoom account is connected" />
      <div className="flex flex-col gap-6">
        <ConnectionCard slug={slug} credential={credential} />
        <Link href={`/w/${slug}/credentials`} className={buttonClasses("secondary", "w-fit")}>
          Back to credentials
        </Link>
      </div>
    </>
  );
}
