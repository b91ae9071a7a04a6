import { credentialErrorFrom, recordCredentialError } from "@/lib/credentials/record-credential-error";
import type { Db } from "@/lib/db/client";
import { describeAccessDenied } from "@/lib/zoom/error-catalogue";
import { HANDSHAKE_LOST_MESSAGE, HANDSHAKE_NOT_SAVED_MESSAGE } from "./classify-handshake-error";
import { releaseUnusedClaim, type HandshakeOutcome } from "./zoom-auth-options";

// next-auth's error code from its redirect: a path (the pages option) or a whole URL, the base
// only makes a path parseable. Its codes are single words (OAuthCallback…); nothing else is kept.
const nextAuthErrorCode = (location: string) =>
  (new URL(location, "http://app.invalid").searchParams.get("error") ?? "").replace(/\W/g, "").slice(0, 40) ||
  "no error code";

/**
 * A Zoom handshake came back without a connection (Zoom refused, the person declined, next-auth
 * gave up): a claimed connect link is given back, and the reason is recorded on the credential,
 * where its connect step shows it.
 */
export async function recordHandshakeFailure(
  db: Db,
  options: {
    credentialId: string;
    outcome: HandshakeOutcome;
    /** Zoom's redirect said error=access_denied: the person pressed Decline. */
    declined: boolean;
    /** next-auth's redirect, which carries its error code. */
    nextAuthLocation: string;
  },
): Promise<void> {
  const { outcome } = options;
  await releaseUnusedClaim(outcome);
  const entry = outcome.error ?? (options.declined ? describeAccessDenied() : null);
  // next-auth's own reason for a failure no Zoom answer explains (its code is in the redirect).
  if (!entry && !outcome.notSaved)
    console.warn(`[connect] handshake did not finish: ${nextAuthErrorCode(options.nextAuthLocation)}`);
  await recordCredentialError(
    db,
    options.credentialId,
    entry
      ? credentialErrorFrom(entry)
      : {
          code: "handshake",
          message: outcome.notSaved ? HANDSHAKE_NOT_SAVED_MESSAGE : HANDSHAKE_LOST_MESSAGE,
        },
  );
}
