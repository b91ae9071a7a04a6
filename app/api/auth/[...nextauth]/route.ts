import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { baseAuthOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db/client";
import { credentialErrorFrom, recordCredentialError } from "@/lib/credentials/record-credential-error";
import { HANDSHAKE_LOST_MESSAGE } from "@/lib/zoom-connect/classify-handshake-error";
import { CONNECT_COOKIE, readConnectSession, wizardPath } from "@/lib/zoom-connect/connect-session";
import { zoomAuthOptions, type HandshakeOutcome } from "@/lib/zoom-connect/zoom-auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * One next-auth route for both the app's own sign-in and the Zoom handshake
 * (next-auth 4 has one base path per process). Options are built per
 * request: Zoom requests get the provider of the credential being connected.
 */
async function handler(req: NextRequest, ctx: Context) {
  const params = await ctx.params;
  const [action, providerId] = params.nextauth;
  const connectCookie = req.cookies.get(CONNECT_COOKIE)?.value;
  // next-auth/react's signIn("zoom") first asks /providers whether "zoom" exists.
  const isZoom = (providerId === "zoom" && (action === "signin" || action === "callback")) || (action === "providers" && connectCookie !== undefined);
  if (!isZoom) return NextAuth(req, { params }, baseAuthOptions()) as Promise<Response>;

  const session = await readConnectSession(connectCookie);
  if (!session) {
    if (action === "providers") return NextAuth(req, { params }, baseAuthOptions()) as Promise<Response>;
    // The cookie expired (15 minutes) or the browser is on another host name.
    return NextResponse.redirect(new URL("/?connect=expired", req.url), 303);
  }
  const outcome: HandshakeOutcome = { error: null, failed: false };
  const options = await zoomAuthOptions(session, outcome);
  if (!options) return NextResponse.redirect(new URL(wizardPath(session, "credentials"), req.url), 303);

  const response = (await NextAuth(req, { params }, options)) as Response;
  if (action === "callback" && outcome.failed) {
    const error = outcome.error ? credentialErrorFrom(outcome.error) : { code: "handshake", message: HANDSHAKE_LOST_MESSAGE };
    await recordCredentialError(db(), session.credentialId, error);
    // next-auth sends a failed callback to /api/auth/error → /api/auth/signin, which are
    // handled with the base options and end on the app's own sign-in page. Send the
    // person straight back to the Connect step, where the recorded error is shown.
    // (The response keeps next-auth's Set-Cookie headers that clear state and PKCE.)
    response.headers.set("Location", new URL(wizardPath(session, "connect"), req.url).toString());
  }
  return response;
}

export { handler as GET, handler as POST };
