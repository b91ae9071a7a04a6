import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic only: someone with no session cookie at all is sent to sign in
 * before a workspace page renders. The real check is the guard in lib/auth.
 */
export function proxy(request: NextRequest) {
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/w/:path*", "/workspaces/:path*"] };
