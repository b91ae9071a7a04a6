import { splitScopes } from "@/lib/guides/scopes";
import { activeClientId, pairOf, type ZoomAppSummary } from "@/lib/zoom-apps/find-zoom-app";
import { kindLabels, pairLabels } from "@/lib/zoom-apps/labels";

type App = ZoomAppSummary & { connections: number; hasClientSecret: boolean };

/** What a Zoom app is, as the Marketplace shows it: kind, keys in use, scopes, who may use it. */
export function ZoomAppFacts({ app }: { app: App }) {
  const scopes = splitScopes(app.scopes);
  return (
    <section
      aria-label="Zoom app"
      className="rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm"
    >
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Kind</dt>
          <dd className="font-medium">{kindLabels(app.kind)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Keys in use</dt>
          <dd>
            {pairLabels[pairOf(app)]} <span className="font-mono">{activeClientId(app) ?? "—"}</span>
            {!app.hasClientSecret && <span className="text-red-700"> (no Client Secret saved)</span>}
          </dd>
        </div>
        {app.kind === "s2s" && (
          <div>
            <dt className="text-slate-500">Account ID</dt>
            <dd className="font-mono">{app.accountId ?? "—"}</dd>
          </div>
        )}
        <div>
          <dt className="text-slate-500">Who may connect through it</dt>
          <dd>{app.shared ? "Everyone in this workspace" : "Only the person who made it"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Credentials</dt>
          <dd>{app.connections}</dd>
        </div>
      </dl>
      <h3 className="mt-4 text-slate-500">Scopes chosen</h3>
      <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Scopes chosen">
        {scopes.map((scope) => (
          <li key={scope} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">
            {scope}
          </li>
        ))}
        {scopes.length === 0 && <li>None yet</li>}
      </ul>
    </section>
  );
}
