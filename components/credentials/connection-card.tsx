import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/ui/format";
import { methodLabels } from "@/lib/credentials/status";
import { guideFor } from "@/lib/guides";
import { stepLabel, stepOfKind } from "@/lib/guides/progress";
import { missingScopes, splitScopes } from "@/lib/guides/scopes";
import { StatusBadge } from "./status-badge";
import { TestConnectionButton } from "./test-connection-button";

type Credential = {
  id: string;
  name: string;
  method: string;
  status: string;
  zoomName: string | null;
  zoomEmail: string | null;
  zoomAccountId: string | null;
  grantedScopes: string;
  /** the scopes chosen for its Zoom app (none for a pasted legacy token) */
  zoomApp: { scopes: string } | null;
  accessTokenExpiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastTestedAt: Date | null;
  lastErrorMessage: string | null;
  lastUsedAt?: Date | null;
  createdAt?: Date;
  owner?: { name: string; email: string };
};

/** Who is connected, what Zoom granted, and when the token renews. */
export function ConnectionCard({ slug, credential }: { slug: string; credential: Credential }) {
  const granted = splitScopes(credential.grantedScopes);
  const missing = missingScopes(splitScopes(credential.zoomApp?.scopes ?? ""), granted);
  const guide = guideFor(credential.method);
  const scopesStep = guide && stepOfKind(guide, "scopes");
  const connectStep = guide && stepOfKind(guide, "connect");
  // Legacy tokens never renew: they simply expire.
  const renews = credential.method !== "access_token";
  const renewsAt =
    credential.accessTokenExpiresAt && renews
      ? new Date(credential.accessTokenExpiresAt.getTime() - 5 * 60_000)
      : null;
  return (
    <section
      aria-label="Connection"
      className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{credential.name}</h2>
        <StatusBadge status={credential.status} />
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Zoom user</dt>
          <dd className="font-medium">{credential.zoomName ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Zoom email</dt>
          <dd className="font-medium">{credential.zoomEmail ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Zoom account</dt>
          <dd className="font-mono">{credential.zoomAccountId ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Method</dt>
          <dd>{methodLabels[credential.method as keyof typeof methodLabels] ?? credential.method}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{renews ? "Token renews" : "Token expires"}</dt>
          <dd>
            {renews
              ? renewsAt
                ? `automatically, around ${formatDateTime(renewsAt)}`
                : "—"
              : formatDateTime(credential.accessTokenExpiresAt)}
          </dd>
        </div>
        {credential.owner && (
          <div>
            <dt className="text-slate-500">Owner</dt>
            <dd>
              {credential.owner.name} <span className="text-slate-500">({credential.owner.email})</span>
            </dd>
          </div>
        )}
        {credential.createdAt && (
          <div>
            <dt className="text-slate-500">Created / last used</dt>
            <dd>
              {formatDateTime(credential.createdAt)} / {formatDateTime(credential.lastUsedAt)}
            </dd>
          </div>
        )}
        <div>
          <dt className="text-slate-500">Last refreshed / tested</dt>
          <dd>
            {formatDateTime(credential.lastRefreshedAt)} / {formatDateTime(credential.lastTestedAt)}
          </dd>
        </div>
      </dl>
      <div>
        <h3 className="text-sm text-slate-500">Scopes Zoom granted</h3>
        <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Granted scopes">
          {granted.map((scope) => (
            <li key={scope} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">
              {scope}
            </li>
          ))}
          {granted.length === 0 && <li className="text-sm">None reported</li>}
        </ul>
      </div>
      {missing.length > 0 && (
        <Alert tone="warning" title="Some chosen scopes were not granted">
          Zoom did not grant {missing.join(", ")}. Add {missing.length === 1 ? "it" : "them"} on your app’s
          Scopes page in the Zoom Marketplace
          {guide && scopesStep ? ` (${stepLabel(guide, scopesStep.key)})` : ""},{" "}
          {credential.method === "oauth"
            ? `then press Connect to Zoom again${guide && connectStep ? ` (${stepLabel(guide, connectStep.key)})` : ""}: Zoom keeps the scopes a connection was first given — even when it renews the token — until you connect again.`
            : "then test the connection again."}
        </Alert>
      )}
      {credential.lastErrorMessage && <Alert tone="error">{credential.lastErrorMessage}</Alert>}
      <TestConnectionButton slug={slug} credentialId={credential.id} />
    </section>
  );
}
