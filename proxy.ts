import { NextResponse, type NextRequest } from "next/server";
import { CALLBACK_COOKIES, isHttpUrl } from "@/lib/http/callback-url";
import { badRequest, isApi, malformedRequestReason } from "@/lib/http/malformed-request";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Runs before every route: refuses requests Next.js would choke on, sets the
 * per-request CSP nonce and HSTS, and — optimistically only — sends someone
 * with no session cookie at all to sign in before a workspace page renders.
 * The real check is the guard in lib/auth.
 */
export async function proxy(request: NextRequest) {
  const reason = await malformedRequestReason(request);
  if (reason) return withTransportSecurity(badRequest(request, reason));

  const { pathname } = request.nextUrl;
  const needsSession = pathname.startsWith("/w/") || pathname.startsWith("/workspaces/");
  if (needsSession && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname)}`;
    return withTransportSecurity(NextResponse.redirect(url));
  }

  // next-auth fails every session read while its callback cookie holds junk.
  const junkCookies = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isHttpUrl(value);
  });
  for (const name of junkCookies) request.cookies.delete(name);
  const headers = new Headers(request.headers);
  let policy: string | null = null;
  if (!isApi(request)) {
    const nonce = newNonce();
    policy = contentSecurityPolicy(nonce);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
  }
  const response = NextResponse.next({ request: { headers } });
  for (const name of junkCookies) response.cookies.delete(name);
  if (policy) response.headers.set("Content-Security-Policy", policy);
  return withTransportSecurity(response);
}

function withTransportSecurity(response: NextResponse): NextResponse {
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Everything but Next.js's own static files, which carry no user input.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
