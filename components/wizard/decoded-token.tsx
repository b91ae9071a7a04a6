import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/ui/format";
import type { DecodedZoomToken } from "@/lib/zoom/decode-token";

const kinds = {
  jwt_app: "Legacy JWT-app token",
  oauth_access: "OAuth access token",
  unknown_jwt: "A token Zoom did not make in a known way",
} as const;

/** What the pasted token is — read from the token itself, no secret needed. */
export function DecodedToken({ token }: { token: DecodedZoomToken }) {
  return (
    <section aria-label="Your token" className="flex flex-col gap-3">
      <dl className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Kind</dt>
          <dd className="font-medium">{kinds[token.kind]}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Issuer</dt>
          <dd className="font-mono break-all">{token.issuer ?? token.clientId ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Expires</dt>
          <dd className="font-medium">
            {token.expiresAt ? formatDateTime(token.expiresAt) : "No expiry in the token"}
            {token.expMilliseconds && (
              <span className="block text-xs font-normal text-slate-500">
                (written in milliseconds, as in Zoom’s own examples)
              </span>
            )}
          </dd>
        </div>
      </dl>
      {token.kind === "jwt_app" && (
        <Alert tone="warning" title="Zoom retired JWT apps">
          Tokens from JWT apps stopped working when Zoom switched JWT apps off (from 8 September 2023). The
          test will most likely fail; Server-to-Server OAuth is the replacement.
        </Alert>
      )}
      {token.state === "expiring_soon" && (
        <Alert tone="warning">
          This token expires within a few days. The app will warn you again before it does.
        </Alert>
      )}
    </section>
  );
}
