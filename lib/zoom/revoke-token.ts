import * as oauth from "oauth4webapi";
import { z } from "zod";
import { buildEntry } from "./catalogue-entries";
import { classifyTokenError } from "./classify-error";
import { prepareCall, readBody, requireValue, send, type ZoomCallOptions } from "./request";
import type { ClientCredentials } from "./token-endpoint";
import { ZoomError } from "./zoom-error";

export interface RevokeTokenOptions extends ClientCredentials, ZoomCallOptions {
  /** An access or refresh token; Zoom kills the whole set either way. */
  token: string;
}

const revokeSuccess = z.object({ status: z.literal("success") });

/** Revoke a token set. Resolves when Zoom confirmed `{"status":"success"}`. */
export async function revokeToken(options: RevokeTokenOptions): Promise<void> {
  const call = prepareCall(options);
  const { flow } = call;
  const missing = () => new ZoomError(buildEntry("client_credentials_missing", { flow }));
  const clientId = requireValue(options.clientId, missing);
  const clientSecret = requireValue(options.clientSecret, missing);
  const token = requireValue(options.token, () => new ZoomError(buildEntry("invalid_grant", { flow })));
  const client: oauth.Client = { client_id: clientId };

  const response = await send(
    flow,
    () => oauth.revocationRequest(call.as, client, oauth.ClientSecretBasic(clientSecret), token, call.http),
    "revoke",
  );
  const body = await readBody(response, flow);
  if (response.status !== 200) {
    throw new ZoomError(
      classifyTokenError({ status: response.status, body, headers: response.headers, flow }),
    );
  }
  // A 200 from a proxy or a broken page is not a confirmation: the tokens may
  // still be alive, so say so rather than report success.
  if (typeof body === "string")
    throw new ZoomError(buildEntry("invalid_response", { flow, httpStatus: 200 }));
  if (!revokeSuccess.safeParse(body).success) {
    throw new ZoomError(buildEntry("incomplete_response", { flow, httpStatus: 200 }));
  }
}
