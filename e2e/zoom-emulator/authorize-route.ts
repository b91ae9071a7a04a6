import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "./faults";
import { isFormRequest, readRawBody, redirect, sendHtml } from "./http-utils";
import { consentPage, errorPage } from "./pages";
import { CONSENT_TTL_MS, randomToken, type EmulatorState } from "./state";

function withParams(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

/** GET /oauth/authorize: validate like Zoom, then show the consent page. */
export async function handleAuthorizeGet(state: EmulatorState, res: ServerResponse, url: URL): Promise<void> {
  state.counters.authorize += 1;
  if (await applyFault(state, "authorize", res)) return;
  const q = url.searchParams;
  const app = state.apps.get(q.get("client_id") ?? "");
  if (!app) return sendHtml(res, 400, errorPage(4702, "Invalid client_id", "No app has this client_id."));
  if (app.type !== "oauth") {
    return sendHtml(
      res,
      400,
      errorPage(4705, "Grant type is not supported", "This app cannot be authorized by a user."),
    );
  }
  if (app.disabled)
    return sendHtml(res, 400, errorPage(4717, "The app has been disabled", "Ask the app owner."));
  const redirectUri = q.get("redirect_uri") ?? "";
  // Exact string match against both lists; never redirect to an unvetted URL.
  if (!redirectUri || !app.redirectUrls.includes(redirectUri) || !app.allowList.includes(redirectUri)) {
    return sendHtml(
      res,
      400,
      errorPage(
        4700,
        "Invalid redirect",
        "The redirect URL must be listed in both the OAuth Redirect URL and the OAuth Allow List of the app.",
      ),
    );
  }
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
    clientId: app.clientId,
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
  const app = state.apps.get(consent.clientId);
  if (!app || app.disabled)
    return sendHtml(res, 400, errorPage(4717, "The app has been disabled", "Ask the app owner."));
  const code = randomToken(24);
  state.codes.set(code, {
    code,
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
