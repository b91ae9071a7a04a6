import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/ui/format";
import { StopUsingInN8nButton, UseInN8nForm } from "./n8n-buttons";

export type N8nCardLink = {
  n8nCredentialId: string;
  n8nCredentialName: string;
  lastPushAt: Date | null;
  lastPushOk: boolean | null;
  lastAnswer: string | null;
  failingSince: Date | null;
};

/**
 * The connection page's n8n part: how to use it from n8n's own Zoom node, or
 * where it is used and what n8n last said. Not shown for pasted tokens.
 */
export function N8nCard({
  slug,
  credentialId,
  live,
  admin,
  targetUrl,
  link,
}: {
  slug: string;
  credentialId: string;
  live: boolean;
  admin: boolean;
  targetUrl: string | null;
  link: N8nCardLink | null;
}) {
  return (
    <section
      aria-label="n8n"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 className="text-lg font-semibold">n8n</h2>
      {link ? (
        <>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-500">n8n credential</dt>
            <dd>
              “{link.n8nCredentialName}” <span className="text-slate-500">(id {link.n8nCredentialId})</span>
            </dd>
            <dt className="text-slate-500">Last push</dt>
            <dd>{formatDateTime(link.lastPushAt)}</dd>
            <dt className="text-slate-500">n8n’s last answer</dt>
            <dd>{link.lastAnswer ?? "—"}</dd>
          </dl>
          {link.failingSince ? (
            <Alert tone="error" title="n8n does not take the new token">
              Failing since {formatDateTime(link.failingSince)}. The app keeps trying; the Zoom node in n8n
              may fail once its token runs out.
            </Alert>
          ) : (
            <p className="text-sm text-slate-600">
              Every renewed access token is pushed to this n8n credential at once (never the refresh token),
              and again every 15 minutes. In n8n, pick it in a Zoom node with Authentication “OAuth2”.
            </p>
          )}
        </>
      ) : !targetUrl ? (
        <p className="text-sm text-slate-600">
          n8n’s own Zoom node can use this connection once an admin adds the workspace’s n8n
          {admin ? (
            <>
              {" "}
              under{" "}
              <Link className="font-medium underline" href={`/w/${slug}/admin/n8n`}>
                n8n
              </Link>
            </>
          ) : null}
          .
        </p>
      ) : !live ? (
        <p className="text-sm text-slate-600">Connect this credential first: n8n needs a working token.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            “Use in n8n” creates a Zoom credential in the n8n at {targetUrl}, named after this connection, and
            keeps its token fresh after every renewal. n8n never gets the refresh token.
          </p>
          <UseInN8nForm slug={slug} credentialId={credentialId} />
        </>
      )}
      {/* Always in this place, so its answer stays on screen after the stop re-renders the card. */}
      <StopUsingInN8nButton slug={slug} credentialId={credentialId} linked={link !== null} />
    </section>
  );
}
