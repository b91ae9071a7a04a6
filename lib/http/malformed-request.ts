import { NextResponse, type NextRequest } from "next/server";

/**
 * Requests that Next.js itself would answer with a 500 (it decodes route
 * segments and parses form bodies before any of our code runs), caught in the
 * proxy and answered with a 400 in plain words instead.
 */
export async function malformedRequestReason(request: NextRequest): Promise<string | null> {
  if (!segmentsDecode(request.nextUrl.pathname))
    return "This address is not valid: part of it is wrongly encoded. Check the link and try again.";
  const actionId = request.headers.get("next-action");
  // Server action ids are hex digests; anything else makes Next.js log a crash.
  if (actionId !== null && !/^[0-9a-f]{40,128}$/.test(actionId))
    return "This request is not a form of this app. Reload the page and try again.";
  if (request.method === "POST" && !isApi(request)) return formProblem(request, actionId !== null);
  return null;
}

function segmentsDecode(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

// A page POST with a multipart body is taken for a server action and parsed
// by Next.js, which throws on a broken body and logs one that names no
// action. Parse a copy here first. (Other bodies just render the page.)
async function formProblem(request: NextRequest, isFetchAction: boolean): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return "The form could not be read. Reload the page and try again.";
  }
  // Without JavaScript, React names the action in `$ACTION_…` fields.
  if (!isFetchAction && ![...form.keys()].some((key) => key.startsWith("$ACTION_")))
    return "This request is not a form of this app. Reload the page and try again.";
  return null;
}

export const isApi = (request: NextRequest) => request.nextUrl.pathname.startsWith("/api/");

/** 400 with the reason: JSON for the APIs, plain text for pages. */
export function badRequest(request: NextRequest, message: string): NextResponse {
  const headers = { "Cache-Control": "no-store" };
  if (isApi(request)) return NextResponse.json({ error: "bad_request", message }, { status: 400, headers });
  return new NextResponse(message, {
    status: 400,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}
