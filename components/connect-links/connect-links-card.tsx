import { formatDateTime } from "@/components/ui/format";
import type { listConnectLinks } from "@/lib/connect-links/manage-connect-links";
import { CreateConnectLinkForm } from "./create-connect-link-form";
import { RevokeConnectLinkButton } from "./revoke-connect-link-button";

type Link = Awaited<ReturnType<typeof listConnectLinks>>[number];

const stateWords = { open: "Open", used: "Used", revoked: "Revoked", expired: "Expired" } as const;

/** Connect links of one app: make one, see what became of each, revoke the open ones. */
export function ConnectLinksCard({
  slug,
  zoomAppId,
  links,
  members,
  me,
  usable,
}: {
  slug: string;
  zoomAppId: string;
  links: Link[];
  members: { id: string; name: string; email: string }[];
  me: string;
  /** shared and with its keys: links work only then */
  usable: boolean;
}) {
  return (
    <section
      aria-labelledby="links-title"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="links-title" className="text-lg font-semibold">
          Connect links
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          For someone without an account here (a colleague whose Zoom account a workflow should use): they
          open the link, press Connect to Zoom and allow. Each link works once and expires.
        </p>
      </div>
      {usable ? (
        <CreateConnectLinkForm slug={slug} zoomAppId={zoomAppId} members={members} me={me} />
      ) : (
        <p className="text-sm text-slate-600">Share the app and finish its keys to make connect links.</p>
      )}
      {links.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Connect links</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2 pr-3">Note</th>
              <th className="py-2 pr-3">Owner</th>
              <th className="py-2 pr-3">Created by</th>
              <th className="py-2 pr-3">Expires</th>
              <th className="py-2 pr-3">State</th>
              <th className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-3">{link.note || "—"}</td>
                <td className="py-2 pr-3">{link.ownerName}</td>
                <td className="py-2 pr-3">{link.createdByName}</td>
                <td className="py-2 pr-3">{formatDateTime(link.expiresAt)}</td>
                <td className="py-2 pr-3">{stateWords[link.state]}</td>
                <td className="py-2 text-right">
                  {link.state === "open" && (
                    <RevokeConnectLinkButton slug={slug} linkId={link.id} note={link.note} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
