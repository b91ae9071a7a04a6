import Link from "next/link";
import type { ReactNode } from "react";
import type { loadWorkspaceNotices } from "@/lib/workspaces/workspace-notices";

type Notices = Awaited<ReturnType<typeof loadWorkspaceNotices>>;

function Notice({ tone, children }: { tone: "red" | "amber"; children: ReactNode }) {
  const colours =
    tone === "red" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900";
  return (
    <div role="status" className={`border-b px-4 py-2 text-sm ${colours}`}>
      <div className="mx-auto max-w-6xl">{children}</div>
    </div>
  );
}

/**
 * The header's warnings, each with a link to what needs a person. An admin's
 * link opens the Credentials list filtered to those credentials; a member's
 * list is short and unfiltered.
 */
export function WorkspaceNotices({
  slug,
  admin,
  notices: { needReconnect, removedInZoom, n8nFailing },
}: {
  slug: string;
  admin: boolean;
  notices: Notices;
}) {
  const list = `/w/${slug}/credentials`;
  return (
    <>
      {needReconnect > 0 && (
        <Notice tone="red">
          {needReconnect === 1 ? "1 Zoom credential needs" : `${needReconnect} Zoom credentials need`} to be
          reconnected by a person: Zoom no longer accepts its token.{" "}
          <Link className="font-medium underline" href={admin ? `${list}?status=needs_reconnect` : list}>
            Show {needReconnect === 1 ? "it" : "them"}
          </Link>
        </Notice>
      )}
      {removedInZoom > 0 && (
        <Notice tone="amber">
          {removedInZoom === 1 ? "1 Zoom credential was" : `${removedInZoom} Zoom credentials were`} removed
          in Zoom: the Zoom user removed the app from their account, so it is Revoked.{" "}
          <Link className="font-medium underline" href={admin ? `${list}?status=revoked` : list}>
            Show {removedInZoom === 1 ? "it" : "them"}
          </Link>
        </Notice>
      )}
      {n8nFailing.length > 0 && (
        <Notice tone="red">
          {n8nFailing.length === 1 ? "A credential used in n8n" : "Credentials used in n8n"} could not give
          n8n the new token: Zoom nodes in n8n may fail.{" "}
          <Link
            className="font-medium underline"
            href={
              n8nFailing.length === 1 ? `${list}/${n8nFailing[0]!}` : admin ? `/w/${slug}/admin/n8n` : list
            }
          >
            Show {n8nFailing.length === 1 ? "it" : "them"}
          </Link>
        </Notice>
      )}
    </>
  );
}
