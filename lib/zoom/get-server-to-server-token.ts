import * as oauth from "oauth4webapi";
import { buildEntry } from "./catalogue-entries";
import { requireValue, type ZoomCallOptions } from "./request";
import { requestTokenSet, type ClientCredentials } from "./token-endpoint";
import type { ZoomTokenSet } from "./token-set";
import { ZoomError } from "./zoom-error";

export interface ServerToServerTokenOptions extends ClientCredentials, ZoomCallOptions {
  accountId: string;
}

/**
 * Zoom's non-standard `account_credentials` grant. The answer has no refresh
 * token (refreshToken is always null); callers cache the token until near expiry
 * instead of minting one per request.
 */
export async function getServerToServerToken(options: ServerToServerTokenOptions): Promise<ZoomTokenSet> {
  const flow = options.flow ?? "s2s";
  const accountId = requireValue(
    options.accountId,
    () => new ZoomError(buildEntry("invalid_account_id", { flow })),
  );
  return requestTokenSet(
    options,
    { ...options, flow, expectRefreshToken: false, defaultFlow: "s2s" },
    (as, client, auth, http) =>
      oauth.genericTokenEndpointRequest(
        as,
        client,
        auth,
        "account_credentials",
        { account_id: accountId },
        http,
      ),
  );
}
