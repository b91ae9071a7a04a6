import { metrics } from "./registry";

/** Seconds since `startedAt` (performance.now()). */
const since = (startedAt: number) => (performance.now() - startedAt) / 1000;

/**
 * Wraps a route handler of the token API: counts each answer by status and
 * times it. An exception counts as a 500 and is thrown on.
 */
export function withTokenApiMetrics<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const startedAt = performance.now();
    let status = 500;
    try {
      const response = await handler(...args);
      status = response.status;
      return response;
    } finally {
      const m = metrics();
      m.tokenApiRequests.inc({ status: String(status) });
      m.tokenApiSeconds.observe(since(startedAt));
    }
  };
}

/** Zoom's endpoints the app calls; "proxy" is any REST call a node makes through the API proxy. */
export type ZoomEndpoint = "token" | "revoke" | "users_me" | "proxy";

/** One call to Zoom; `result` is the HTTP status, or network_error when no answer came. */
export function countZoomCall(endpoint: ZoomEndpoint, result: number | "network_error"): void {
  metrics().zoomCalls.inc({ endpoint, result: String(result) });
}

export type RenewalResult =
  "renewed" | "needs_reconnect" | "temporary_failure" | "write_deferred" | "superseded";

/** One renewal under the lease, from before Zoom's call until its outcome is stored. */
export function observeRenewal(result: RenewalResult, startedAt: number): void {
  const m = metrics();
  m.renewals.inc({ result });
  m.renewalSeconds.observe(since(startedAt));
}
