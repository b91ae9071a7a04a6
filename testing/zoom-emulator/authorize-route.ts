import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "./faults";
import { isFormRequest, readRawBody, redirect, sendHtml } from "./http-utils";
import { consentPage, errorPage, stayOnZoomPage } from "./pages";
import { CONSENT_TTL_MS, randomToken, type ClientMatch, type EmulatorState } from "./state";

function withParams(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

const INVALID_REDIRECT = () =>
  errorPage(
    4700,
    "Invalid redirect",
    "The redirect URL must be listed in both the OAuth Redirect URL and the OAuth Allow List of the app, in the same view (Development or Production) as the Client ID.",
  );

/** Plain http://localhost, refused with 4700 when the 2026 report's switch is on; 127.0.0.1 always passes. */
function isPlainLocalhost(redirectUri: string): boolean {
  try {
    const url = new URL(redirectUri);
    return url.protocol === "http:" && url.hostname === "localhost";
  } catch {
    return false;
  }
}

/** Everything Zoom checks before the consent page; the page to show, or null when the person may consent. */
function refusal(state: EmulatorState, match: ClientMatch | null, q: URLSearchParams): string | null {
  if (!match) return errorPage(4702, "Invalid client_id", "No app has this client_id.");
  const { app, via, pair } = match;
  if (app.type !== "oauth") {
    return errorPage(4705, "Grant type is not supported", "This app cannot be authorized by a user.");
  }
  if (app.disabled) return errorPage(4717, "The app has been disabled", "Ask the app owner.");
  const redirectUri = q.get("redirect_uri") ?? "";
  // Exact string match against both lists of the view the Client ID came from.
  const inView = (list: string[] | undefined) => list?.includes(redirectUri) ?? false;
  if (!redirectUri || !inView(pair?.redirectUrls) || !inView(pair?.allowList)) {
    return INVALID_REDIRECT();
  }
  if ((app.refuseLocalhost || state.settings.refuseLocalhost) && isPlainLocalhost(redirectUri)) {
    return INVALID_REDIRECT();
  }
  if (via === "production" && !app.published) {
    return errorPage(
      4702,
      "Invalid client_id",
      "This app is not published: use its Development Client ID (Local Test).",
    );
  }
  const needsChallenge = app.requirePkce || via === "public";
  if (needsChallenge && !q.get("code_challenge")) {
    return errorPage(null, "Invalid request", "This app requires PKCE: code_challenge is missing.");
  }
  const user = state.signedInUser(app.clientId);
  // Private apps stay in their account; Zoom never redirects outsiders back.
  if (!app.published && user.accountId !== app.accountId) return stayOnZoomPage("cannotAuthorize");
  if (app.managedBy === "admin" && user.role === "member") return stayOnZoomPage("adminRequired");
  const account = state.account(user.accountId);
  if (account.preApprovalRequired && user.role === "member" && !account.approvedApps.includes(app.clientId)) {
    return stayOnZoomPage("preApproval");
  }
  return null;
}

/** GET /oauth/authorize: validate like Zoom, then show the consent page. */
export async function handleAuthorizeGet(state: EmulatorState, res: ServerResponse, url: URL): Promise<void> {
  const q = url.searchParams;
  const match = state.findClient(q.get("client_id"));
  for (const counters of state.countersFor(q.get("client_id"))) counters.authorize += 1;
  if (await applyFault(state, "authorize", res, state.appKeyOf(q.get("client_id")))) return;
  const page = refusal(state, match, q);
  if (page !== null || match === null) return sendHtml(res, 400, page ?? INVALID_REDIRECT());
  const { app } = match;
  const redirectUri = q.get("redirect_uri") ?? "";
  const state_ = q.get("state");
  if (q.get("response_type") !== "code") {
    return redirect(res, withParams(redirectUri, { error: "unsupported_response_type", state: state_ }));
  }
  const challenge = q.get("code_challenge");
  if (
    challenge !== null &&
    (q.get("code_challenge_method") !== "S256" || !/^[A-Za-z0-9_-]{43}$/.test(challenge))
  ) {
    return redirect(res, withParams(redirectUri, { error: "invalid_request", state: state_ }));
  }
  const user = state.signedInUser(app.clientId);
  const id = randomToken(32);
  state.consents.set(id, {
    id,
    appKey: app.clientId,
    clientId: q.get("client_id") ?? "",
    userId: user.id,
    redirectUri,
    state: state_,
    codeChallenge: challenge,
    createdAtMs: state.now(),
  });
  sendHtml(res, 200, consentPage(app, user, id));
}

/** A form post from another site must not be able to press "Allow" for the person. */
function isCrossSite(req: IncomingMessage): boolean {
  if (req.headers["sec-fetch-site"] === "cross-site") return true;
  const origin = req.headers.origin;
  // Non-browser clients send no Origin; the single-use consent_id still protects them.
  if (origin === undefined) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** POST /oauth/authorize: the Allow / Decline buttons. */
export async function handleAuthorizePost(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = await readRawBody(req);
  if (!isFormRequest(req)) return sendHtml(res, 400, errorPage(null, "Bad request", "Expected a form."));
  if (isCrossSite(req))
    return sendHtml(res, 403, errorPage(null, "Forbidden", "Cross-site request refused."));
  const form = new URLSearchParams(raw);
  const id = form.get("consent_id") ?? "";
  const consent = state.consents.get(id);
  // The hidden consent_id is single-use and carries every parameter, so nothing
  // in the posted form can change where the code goes.
  state.consents.delete(id);
  if (!consent || state.now() - consent.createdAtMs > CONSENT_TTL_MS) {
    return sendHtml(
      res,
      400,
      errorPage(null, "This page has expired", "Go back to the app and start connecting again."),
    );
  }
  const decision = form.get("decision");
  if (decision === "decline") {
    return redirect(res, withParams(consent.redirectUri, { error: "access_denied", state: consent.state }));
  }
  if (decision !== "allow")
    return sendHtml(res, 400, errorPage(null, "Bad request", "Choose Allow or Decline."));
  const app = state.apps.get(consent.appKey);
  if (!app || app.disabled)
    return sendHtml(res, 400, errorPage(4717, "The app has been disabled", "Ask the app owner."));
  const code = randomToken(24);
  state.codes.set(code, {
    code,
    appKey: consent.appKey,
    clientId: consent.clientId,
    userId: consent.userId,
    redirectUri: consent.redirectUri,
    codeChallenge: consent.codeChallenge,
    // Granted scopes are the app's scopes at the moment the person said yes.
    scopes: [...app.scopes],
    issuedAtMs: state.now(),
    used: false,
  });
  redirect(res, withParams(consent.redirectUri, { code, state: consent.state }));
}
