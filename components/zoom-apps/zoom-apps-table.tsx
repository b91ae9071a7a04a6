import Link from "next/link";
import { statusLabels, type CredentialStatus } from "@/lib/credentials/status";
import { splitScopes } from "@/lib/guides/scopes";
import { activeClientId, pairOf } from "@/lib/zoom-apps/find-zoom-app";
import { eventEndpointUrl } from "@/lib/zoom-apps/event-endpoint";
import { pairLabels } from "@/lib/zoom-apps/labels";
import type { ZoomAppListItem } from "@/lib/zoom-apps/list-zoom-apps";

function healthWords(health: ZoomAppListItem["health"]): string {
  const parts = (Object.entries(health) as [CredentialStatus, number][]).map(
    ([status, n]) => `${n} ${statusLabels[status].toLowerCase()}`,
  );
  return parts.join(" · ") || "—";
}

/** The admins' list of Zoom apps: one row per app, its credentials counted by health. */
export function ZoomAppsTable({ slug, apps }: { slug: string; apps: ZoomAppListItem[] }) {
  if (apps.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        No Zoom apps yet. Add one, and members can connect without ever opening the Zoom Marketplace.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Zoom apps</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Kind</th>
            <th className="px-4 py-2 font-medium">Keys in use</th>
            <th className="px-4 py-2 font-medium">Scopes</th>
            <th className="px-4 py-2 font-medium">Credentials</th>
            <th className="px-4 py-2 font-medium">Event endpoint</th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.id} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2">
                <Link href={`/w/${slug}/apps/${app.id}`} className="font-medium text-brand-700 underline">
                  {app.name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {app.shared ? "Shared with the workspace" : `Private to ${app.createdBy.name}`}
                </span>
              </td>
              <td className="px-4 py-2">{app.kind === "s2s" ? "Server-to-Server" : "General (OAuth)"}</td>
              <td className="px-4 py-2">
                {pairLabels[pairOf(app)]}
                <span className="block font-mono text-xs text-slate-500">
                  {activeClientId(app) ?? "not set"}
                </span>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{splitScopes(app.scopes).join(" ") || "—"}</td>
              <td className="px-4 py-2">
                {app.connections}
                <span className="block text-xs text-slate-500">{healthWords(app.health)}</span>
              </td>
              <td className="px-4 py-2 text-xs">
                <span className="font-mono break-all">{eventEndpointUrl(app.id)}</span>
                <span className="block text-slate-500">
                  {app.hasEventSecretToken ? "Secret Token saved" : "No Secret Token yet"}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
