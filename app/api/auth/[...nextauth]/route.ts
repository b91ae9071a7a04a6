import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { baseAuthOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { rejectBadAuthRequest } from "@/lib/http/next-auth-request";
import { CONNECT_COOKIE, handshakePages, readConnectSession } from "@/lib/zoom-connect/connect-session";
import { recordHandshakeFailure } from "@/lib/zoom-connect/record-handshake-failure";
import {
  releaseUnusedClaim,
  zoomAuthOptions,
  type HandshakeOutcome,
} from "@/lib/zoom-connect/zoom-auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built from APP_URL: behind a proxy, req.url names the internal address.
const appLink = (path: string) => `${getEnv().appUrl}${path}`;

/**
 * One next-auth route for both the app's own sign-in and the Zoom handshake
 * (next-auth 4 has one base path per process). Options are built per
 * request: Zoom requests get the provider of the credential being connected.
 */
async function handler(req: NextRequest, ctx: Context) {
  const params = await ctx.params;
  const [action, providerId] = params.nextauth;
  const rejected = await rejectBadAuthRequest(req, params.nextauth);
  if (rejected) return rejected;
  const connectCookie = req.cookies.get(CONNECT_COOKIE)?.value;
  // next-auth/react's signIn("zoom") first asks /providers whether "zoom" exists.
  const isZoom =
    (providerId === "zoom" && (action === "signin" || action === "callback")) ||
    (action === "providers" && connectCookie !== undefined);
  if (!isZoom) return NextAuth(req, { params }, baseAuthOptions()) as Promise<Response>;

  const session = await readConnectSession(connectCookie);
  if (!session) {
    if (action === "providers") return NextAuth(req, { params }, baseAuthOptions()) as Promise<Response>;
    // The cookie expired (15 minutes) or the browser is on another host name.
    return NextResponse.redirect(appLink("/connect-expired"), 303);
  }
  const outcome: HandshakeOutcome = { error: null };
  const options = await zoomAuthOptions(session, outcome, action === "callback" ? "return" : "start");
  const pages = handshakePages(session);
  // Someone else came back on this connect link first: their connection stands, this one is not made.
  if (outcome.linkTaken) return NextResponse.redirect(appLink(`${pages.credentials}?taken=1`), 303);
  if (!options) return NextResponse.redirect(appLink(pages.credentials), 303);

  let response: Response;
  try {
    response = (await NextAuth(req, { params }, options)) as Response;
  } catch (error) {
    await releaseUnusedClaim(outcome);
    throw error;
  }
  if (action !== "callback") return response;

  // Success is a redirect to the done step (the signIn callback's answer);
  // anything else — next-auth's error page, its sign-in page — is a failure.
  const location = response.headers.get("location") ?? "";
  if (location.includes(pages.afterConnect)) return response;
  // Not connected (Zoom refused, the person declined…).
  await recordHandshakeFailure(db(), {
    credentialId: session.credentialId,
    outcome,
    declined: req.nextUrl.searchParams.get("error") === "access_denied",
    nextAuthLocation: location,
  });
  // Straight back to the connect step, where the recorded error is shown. The response
  // keeps next-auth's Set-Cookie headers that clear the state and PKCE cookies.
  response.headers.set("Location", appLink(pages.connect));
  return response;
}

export { handler as GET, handler as POST };
