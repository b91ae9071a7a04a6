import * as oauth from "oauth4webapi";
import { buildEntry } from "./catalogue-entries";
import { requireValue, type ZoomCallOptions } from "./request";
import { requestTokenSet, type ClientCredentials } from "./token-endpoint";
import type { ZoomTokenSet } from "./token-set";
import { ZoomError } from "./zoom-error";

export interface RefreshTokensOptions extends ClientCredentials, ZoomCallOptions {
  refreshToken: string;
}

/**
 * Use a refresh token once. Zoom rotates it: the moment Zoom answers, the old
 * refresh token and its access token are dead, so the caller must persist the
 * returned set before doing anything else, and must never run two at once.
 */
export async function refreshTokens(options: RefreshTokensOptions): Promise<ZoomTokenSet> {
  const flow = options.flow ?? "oauth";
  const refreshToken = requireValue(
    options.refreshToken,
    () => new ZoomError(buildEntry("invalid_grant", { flow })),
  );
  return requestTokenSet(
    options,
    { ...options, expectRefreshToken: true, defaultFlow: "oauth" },
    (as, client, auth, http) => oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, http),
  );
}
