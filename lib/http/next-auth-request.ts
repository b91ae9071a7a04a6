import { z } from "zod";
import { NextResponse, type NextRequest } from "next/server";
import { isHttpUrl } from "./callback-url";

// next-auth's browser client posts forms; a JSON body is parsed by next-auth
// without a guard, and its client logger trusts `level` to name a method.
const logBody = z.object({ level: z.enum(["error", "warn", "debug"]), code: z.string().max(200) });

/**
 * A 400 (or 405) for requests next-auth would answer with a 500 — junk
 * bodies, callback URLs that are not http(s), the Credentials callback by
 * GET — or null to hand the request to next-auth.
 */
export async function rejectBadAuthRequest(request: NextRequest, path: string[]) {
  const [action, providerId] = path;
  if (action === "callback" && providerId === "credentials" && request.method !== "POST")
    return answer(405, "method_not_allowed", "Sign in with the form on the sign-in page.");
  const body = await readBody(request);
  if (body === INVALID) return answer(400, "bad_request", "The request body must be a JSON object.");
  if (action === "_log" && request.method === "POST" && !logBody.safeParse(body).success)
    return answer(400, "bad_request", "Not a log entry.");
  // (A bad callback-url cookie is dropped by the proxy.)
  const callbackUrls = [
    request.nextUrl.searchParams.get("callbackUrl"),
    body && typeof body === "object" && "callbackUrl" in body ? body.callbackUrl : null,
  ];
  if (callbackUrls.some((url) => url !== null && !isHttpUrl(url)))
    return answer(400, "bad_request", "The address to return to after signing in is not valid.");
  return null;
}

const INVALID = Symbol("invalid body");

async function readBody(request: NextRequest): Promise<unknown> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    return body !== null && typeof body === "object" && !Array.isArray(body) ? body : INVALID;
  }
  if (type.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(await request.clone().text()));
  return undefined;
}

const answer = (status: number, error: string, message: string) =>
  NextResponse.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });
