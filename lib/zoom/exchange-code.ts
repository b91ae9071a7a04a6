import * as oauth from "oauth4webapi";
import { buildEntry } from "./catalogue-entries";
import { requireValue, type ZoomCallOptions } from "./request";
import { requestTokenSet, type ClientCredentials } from "./token-endpoint";
import type { ZoomTokenSet } from "./token-set";
import { ZoomError } from "./zoom-error";

export interface ExchangeCodeOptions extends ClientCredentials, ZoomCallOptions {
  code: string;
  /** Must equal the redirect_uri sent to /oauth/authorize, character for character. */
  redirectUri: string;
  codeVerifier?: string;
}

/** Trade the one-time authorization code for a token set. */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<ZoomTokenSet> {
  const flow = options.flow ?? "oauth";
  const code = requireValue(options.code, () => new ZoomError(buildEntry("invalid_code", { flow })));
  const parameters = new URLSearchParams({ code, redirect_uri: options.redirectUri });
  if (options.codeVerifier) parameters.set("code_verifier", options.codeVerifier);
  // genericTokenEndpointRequest rather than authorizationCodeGrantRequest: the
  // callback's state was already checked by whoever received it (next-auth), and
  // the latter insists on re-validating the whole callback URL.
  return requestTokenSet(
    options,
    { ...options, expectRefreshToken: true, defaultFlow: "oauth" },
    (as, client, auth, http) =>
      oauth.genericTokenEndpointRequest(as, client, auth, "authorization_code", parameters, http),
  );
}
