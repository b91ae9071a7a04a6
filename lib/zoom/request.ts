import * as oauth from "oauth4webapi";
import { classifyNetworkError } from "./classify-error";
import { zoomConfig, zoomEndpoints, type ZoomConfig } from "./config";
import type { ZoomFlow } from "./error-types";
import { ZoomError } from "./zoom-error";
import { countZoomCall, type ZoomEndpoint } from "@/lib/metrics/observe";

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Options every client call accepts. */
export interface ZoomCallOptions {
  /** Whole-call budget (connect, headers and body). Default 10 s. */
  timeoutMs?: number;
  /** The caller's own cancellation, combined with the timeout. */
  signal?: AbortSignal;
  /** Override the environment's base URLs (tests, per-instance setups). */
  config?: ZoomConfig;
  /** Which wizard messages should point into. Default "oauth". */
  flow?: ZoomFlow;
}

export interface PreparedCall {
  config: ZoomConfig;
  flow: ZoomFlow;
  as: oauth.AuthorizationServer;
  /** oauth4webapi request options: signal, and http allowed when configured. */
  http: { signal: AbortSignal; [oauth.allowInsecureRequests]?: boolean };
}

export function prepareCall(options: ZoomCallOptions, defaultFlow: ZoomFlow = "oauth"): PreparedCall {
  const config = options.config ?? zoomConfig();
  const endpoints = zoomEndpoints(config);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  // http:// is only ever configured on purpose (the emulator, a local proxy);
  // oauth4webapi refuses it unless told, so pass the operator's choice through.
  const insecure = config.oauthBaseUrl.startsWith("http:") || config.apiBaseUrl.startsWith("http:");
  return {
    config,
    flow: options.flow ?? defaultFlow,
    as: {
      issuer: config.oauthBaseUrl,
      authorization_endpoint: endpoints.authorize,
      token_endpoint: endpoints.token,
      revocation_endpoint: endpoints.revoke,
    },
    http: insecure ? { signal, [oauth.allowInsecureRequests]: true } : { signal },
  };
}

/**
 * Send a request; anything thrown before an HTTP answer becomes a ZoomError.
 * Every call to Zoom passes here, so here it is counted (GET /api/metrics).
 */
export async function send(
  flow: ZoomFlow,
  request: () => Promise<Response>,
  endpoint: ZoomEndpoint,
): Promise<Response> {
  try {
    const response = await request();
    countZoomCall(endpoint, response.status);
    return response;
  } catch (err) {
    if (err instanceof oauth.WWWAuthenticateChallengeError) {
      countZoomCall(endpoint, err.response.status);
      return err.response;
    }
    countZoomCall(endpoint, "network_error");
    if (err instanceof ZoomError) throw err;
    throw new ZoomError(classifyNetworkError(err, { flow }), { cause: err });
  }
}

/** Read a body as JSON if it is JSON, else as text; a stalled body is a network error. */
export async function readBody(response: Response, flow: ZoomFlow): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    throw new ZoomError(classifyNetworkError(err, { flow }), { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function requireValue(value: string, onMissing: () => ZoomError): string {
  const trimmed = value.trim();
  if (!trimmed) throw onMissing();
  return trimmed;
}
