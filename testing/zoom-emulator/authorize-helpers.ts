// Test helpers: what a person sees after opening Zoom's authorize page.
import { expect } from "vitest";
import { AuthorizePageError, authorizeViaConsent } from "./control-client";
import { OAUTH_APP, REDIRECT_URI } from "./fixture";

/** The consent page's redirect ("code"), or the title of the page Zoom kept the person on. */
export async function authorizeOutcome(
  baseUrl: string,
  params: { clientId?: string; redirectUri?: string; codeChallenge?: string } = {},
): Promise<string> {
  try {
    const location = await authorizeViaConsent(baseUrl, {
      clientId: params.clientId ?? OAUTH_APP.clientId,
      redirectUri: params.redirectUri ?? REDIRECT_URI,
      state: "s",
      codeChallenge: params.codeChallenge,
    });
    return location.searchParams.has("code") ? "code" : location.toString();
  } catch (err) {
    if (err instanceof AuthorizePageError) return err.title;
    throw err;
  }
}

/** The page Zoom shows for this client id and redirect URL; it must never redirect. */
export async function authorizePage(
  baseUrl: string,
  clientId: string,
  redirectUri = REDIRECT_URI,
): Promise<{ status: number; html: string }> {
  const url = new URL(`${baseUrl}/oauth/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
  }).toString();
  const response = await fetch(url, { redirect: "manual" });
  expect(response.headers.get("location")).toBeNull();
  return { status: response.status, html: await response.text() };
}
