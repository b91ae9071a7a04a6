import * as oauth from "oauth4webapi";
import { buildEntry } from "./catalogue-entries";
import { classifyNetworkError, classifyTokenError } from "./classify-error";
import {
  prepareCall,
  readBody,
  requireValue,
  send,
  type PreparedCall,
  type ZoomCallOptions,
} from "./request";
import { parseTokenSet, type ZoomTokenSet } from "./token-set";
import type { ZoomFlow } from "./error-types";
import { ZoomError } from "./zoom-error";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

type Grant = (
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  auth: oauth.ClientAuth,
  http: PreparedCall["http"],
) => Promise<Response>;

function missingCredentials(flow: ZoomFlow): ZoomError {
  return new ZoomError(buildEntry("client_credentials_missing", { flow }));
}

/** What went wrong while oauth4webapi read a 200 answer. */
function classifyProcessingError(err: unknown, flow: ZoomFlow): ZoomError {
  if (err instanceof oauth.OperationProcessingError) {
    // A 200 that is really an error body ({"error": ...}) is still an error.
    const body: unknown = (err.cause as { body?: unknown } | undefined)?.body;
    if (typeof body === "object" && body !== null && "error" in body) {
      return new ZoomError(classifyTokenError({ status: 400, body, flow }));
    }
    if (err.code === oauth.PARSE_ERROR || err.code === oauth.RESPONSE_IS_NOT_JSON) {
      return new ZoomError(buildEntry("invalid_response", { flow, httpStatus: 200 }));
    }
    // No `cause` on purpose: it would carry the token body into logs.
    return new ZoomError(buildEntry("incomplete_response", { flow, httpStatus: 200 }));
  }
  if (err instanceof oauth.UnsupportedOperationError) {
    return new ZoomError(buildEntry("incomplete_response", { flow, httpStatus: 200 }));
  }
  return new ZoomError(classifyNetworkError(err, { flow }), { cause: err });
}

/**
 * One token-endpoint round trip: Basic client auth and a form body (built by
 * oauth4webapi), Zoom's `{reason, error}` errors classified, and a result that
 * is either a complete token set or a thrown ZoomError — never a mix.
 */
export async function requestTokenSet(
  credentials: ClientCredentials,
  options: ZoomCallOptions & { expectRefreshToken: boolean; defaultFlow: ZoomFlow },
  grant: Grant,
): Promise<ZoomTokenSet> {
  const call = prepareCall(options, options.defaultFlow);
  const { flow } = call;
  const clientId = requireValue(credentials.clientId, () => missingCredentials(flow));
  const clientSecret = requireValue(credentials.clientSecret, () => missingCredentials(flow));
  const client: oauth.Client = { client_id: clientId };
  const requestedAt = new Date();

  const response = await send(
    flow,
    () => grant(call.as, client, oauth.ClientSecretBasic(clientSecret), call.http),
    "token",
  );
  if (response.status !== 200) {
    const body = await readBody(response, flow);
    throw new ZoomError(
      classifyTokenError({ status: response.status, body, headers: response.headers, flow }),
    );
  }

  let json: oauth.TokenEndpointResponse;
  try {
    json = await oauth.processGenericTokenEndpointResponse(call.as, client, response);
  } catch (err) {
    throw classifyProcessingError(err, flow);
  }
  const tokenSet = parseTokenSet(json, { expectRefreshToken: options.expectRefreshToken, requestedAt });
  if (!tokenSet) throw new ZoomError(buildEntry("incomplete_response", { flow, httpStatus: 200 }));
  return tokenSet;
}
