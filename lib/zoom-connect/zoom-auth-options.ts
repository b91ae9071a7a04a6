import type { AuthOptions } from "next-auth";
import { baseAuthOptions } from "@/lib/auth/auth-options";
import { isAdmin, roleSchema } from "@/lib/auth/roles";
import {
  claimConnectLink,
  recordConnectLinkUsed,
  releaseConnectLink,
  type LinkClaim,
} from "@/lib/connect-links/claim-connect-link";
import { connectLinkStillOpen } from "@/lib/connect-links/use-connect-link";
import { db } from "@/lib/db/client";
import { safeErrorText } from "@/lib/errors/safe-error-text";
import { connectionFromNextAuth, storeOAuthConnection } from "@/lib/credentials/store-oauth-connection";
import type { ZoomErrorEntry } from "@/lib/zoom/error-catalogue";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { handshakePages, type ConnectSession } from "./connect-session";
import { zoomProviderFor } from "./zoom-provider";

/**
 * Filled by this request's own provider and callback (a closure, not next-auth's process-wide
 * logger): Zoom's refusal, or that Zoom said yes and storing the connection failed. For a connect
 * link's return: `claim`, the link held by this return until it connects or is given back, or
 * `linkTaken`, the link was used (or claimed) by someone else first.
 */
export type HandshakeOutcome = {
  error: ZoomErrorEntry | null;
  notSaved?: boolean;
  claim?: LinkClaim;
  linkTaken?: boolean;
};

/**
 * Where a handshake is: starting (the person leaves for Zoom) or returning
 * (Zoom sent them back with a code). Only a return claims a connect link.
 */
export type HandshakePhase = "start" | "return";

/** A return that claimed a link and did not connect gives it back (one attempt, whatever failed). */
export async function releaseUnusedClaim(outcome: HandshakeOutcome): Promise<void> {
  const claim = outcome.claim;
  if (!claim) return;
  outcome.claim = undefined;
  await releaseConnectLink(db(), claim);
}

/**
 * next-auth's options for one Zoom handshake, built per request from the
 * credential in the connect cookie (advanced initialization). The `signIn`
 * callback stores the tokens and returns the wizard's URL, which makes
 * next-auth redirect there WITHOUT creating a session: the person's own app
 * session stays as it was. Failures land back on the Connect step.
 */
export async function zoomAuthOptions(
  session: ConnectSession,
  outcome: HandshakeOutcome,
  phase: HandshakePhase = "start",
): Promise<AuthOptions | null> {
  const [credential, membership] = await Promise.all([
    db().credential.findFirst({
      where: { id: session.credentialId, workspaceId: session.workspaceId, method: "oauth" },
      select: { id: true, ownerId: true, zoomAppId: true },
    }),
    db().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: session.workspaceId, userId: session.userId } },
      select: { role: true },
    }),
  ]);
  if (!credential || !membership) return null;
  // Still allowed now (the cookie lives 15 minutes): the owner, or an admin.
  if (credential.ownerId !== session.userId && !isAdmin(roleSchema.parse(membership.role))) return null;
  // A connect link revoked or used meanwhile connects nobody.
  if (!(await connectLinkStillOpen(db(), session))) {
    outcome.linkTaken = phase === "return";
    return null;
  }
  // The keys of the credential's Zoom app, read now: a secret replaced a minute ago is the one used.
  const keys = await zoomAppKeys(db(), session.workspaceId, credential.zoomAppId);
  if (!keys) return null;
  // Last, so nothing above can leave a claim behind. A lost claim exchanges nothing with Zoom.
  if (phase === "return" && session.flow === "link") {
    const claim = await claimConnectLink(db(), session);
    if (!claim) {
      outcome.linkTaken = true;
      return null;
    }
    outcome.claim = claim;
  }

  const base = baseAuthOptions();
  const pages = handshakePages(session);
  return {
    ...base,
    providers: [
      ...base.providers,
      zoomProviderFor(
        { clientId: keys.clientId, clientSecret: keys.clientSecret },
        (entry) => (outcome.error = entry),
      ),
    ],
    pages: { signIn: pages.connect, error: pages.connect },
    callbacks: {
      ...base.callbacks,
      async signIn({ account, profile }) {
        if (account?.provider !== "zoom") return true;
        try {
          await storeOAuthConnection(db(), {
            credentialId: session.credentialId,
            workspaceId: session.workspaceId,
            actor: { userId: session.userId, label: session.userName },
            connection: connectionFromNextAuth(account, (profile ?? {}) as Record<string, unknown>),
          });
        } catch (error) {
          // next-auth turns a throw here into its error page and logs nothing: say it here.
          console.error(`[connect] storing the connection failed: ${safeErrorText(error)}`);
          outcome.notSaved = true;
          // Our failure must not use up the person's link: they can try again.
          await releaseUnusedClaim(outcome).catch((release: unknown) =>
            console.error(`[connect] giving the link back failed: ${safeErrorText(release)}`),
          );
          throw error;
        }
        const claim = outcome.claim;
        // Connected: the claim stays (the link is used); its audit record is not worth failing for.
        outcome.claim = undefined;
        if (claim)
          await recordConnectLinkUsed(db(), session, claim).catch((error: unknown) =>
            console.error(`[connect] recording the link's use failed: ${safeErrorText(error)}`),
          );
        // A path built from our own signed cookie, never from the request.
        return pages.afterConnect;
      },
    },
  };
}
