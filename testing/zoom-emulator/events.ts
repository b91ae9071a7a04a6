// Zoom's event notifications (docs/zoom-behaviour.md, "Webhooks"): signed POSTs to an
// app's endpoint, retried when the endpoint does not answer 2xx within 3 s.
import { createHmac, randomBytes } from "node:crypto";
import { delay } from "./http-utils";
import { randomToken, type EmulatorState } from "./state";
import type { DeliveryAttempt, EmulatorApp, EventDelivery } from "./types";

export const EVENT_REPLY_TIMEOUT_MS = 3000;
/** Zoom retries a failed delivery 3 times, then drops the event. */
export const EVENT_RETRIES = 3;
const STALE_SECONDS = 10 * 60;

export type Forgery = "bad_signature" | "stale_timestamp" | "no_signature";

export function signEvent(secretToken: string, timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", secretToken).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

interface Sent {
  status: number | null;
  text: string;
  attempt: DeliveryAttempt;
}

/** One POST, signed (or deliberately mis-signed) as Zoom would sign it. */
async function post(url: string, secretToken: string, body: string, forgery?: Forgery): Promise<Sent> {
  // The header carries real time, not the emulator clock: the receiver checks it against its own clock.
  const now = Math.floor(Date.now() / 1000);
  const timestamp = String(forgery === "stale_timestamp" ? now - STALE_SECONDS : now);
  const key = forgery === "bad_signature" ? randomBytes(16).toString("hex") : secretToken;
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "user-agent": "Zoom Marketplace/1.0a (zoom-emulator)",
    "x-zm-request-timestamp": timestamp,
  };
  if (forgery !== "no_signature") headers["x-zm-signature"] = signEvent(key, timestamp, body);
  const started = Date.now();
  const at = new Date().toISOString();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(EVENT_REPLY_TIMEOUT_MS),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      attempt: { at, status: response.status, error: null, ms: Date.now() - started },
    };
  } catch (err) {
    const error = err instanceof Error && err.name === "TimeoutError" ? "no answer within 3 s" : String(err);
    return { status: null, text: "", attempt: { at, status: null, error, ms: Date.now() - started } };
  }
}

function endpointOf(app: EmulatorApp): { url: string; secretToken: string } | null {
  return app.eventEndpoint && app.secretToken
    ? { url: app.eventEndpoint, secretToken: app.secretToken }
    : null;
}

/**
 * Deliver an event with Zoom's retry behaviour. Recorded in state.deliveries
 * at once, so a caller that does not wait (revoke) can still be observed.
 */
export async function deliverEvent(
  state: EmulatorState,
  app: EmulatorApp,
  event: string,
  payload: Record<string, unknown>,
): Promise<EventDelivery | null> {
  const endpoint = endpointOf(app);
  if (!endpoint) return null;
  const body = JSON.stringify({ event, event_ts: state.now(), payload });
  const delivery: EventDelivery = {
    id: randomToken(9),
    appKey: app.clientId,
    event,
    url: endpoint.url,
    body,
    attempts: [],
    delivered: false,
    finished: false,
  };
  state.deliveries.push(delivery);
  for (let attempt = 0; attempt <= EVENT_RETRIES; attempt++) {
    if (attempt > 0) await delay(state.settings.eventRetryDelayMs);
    // A reset while retrying ends the delivery: the app is gone.
    if (!state.deliveries.includes(delivery)) break;
    const sent = await post(endpoint.url, endpoint.secretToken, body);
    delivery.attempts.push(sent.attempt);
    if (sent.status !== null && sent.status >= 200 && sent.status < 300) {
      delivery.delivered = true;
      break;
    }
  }
  delivery.finished = true;
  return delivery;
}

/**
 * Zoom's retry of an earlier delivery: the same body, signed afresh with the
 * current timestamp (a retry is indistinguishable from the first send by its
 * headers). Sent once; the attempt is added to the delivery's record.
 */
export async function redeliverEvent(
  state: EmulatorState,
  delivery: EventDelivery,
): Promise<DeliveryAttempt | null> {
  const app = state.apps.get(delivery.appKey);
  const endpoint = app ? endpointOf(app) : null;
  if (!endpoint) return null;
  const sent = await post(endpoint.url, endpoint.secretToken, delivery.body);
  delivery.attempts.push(sent.attempt);
  if (sent.status !== null && sent.status >= 200 && sent.status < 300) delivery.delivered = true;
  return sent.attempt;
}

/** The app_deauthorized payload Zoom sends when the app is removed from a user's account. */
export function deauthorizationPayload(
  state: EmulatorState,
  options: { accountId: string; userId: string; clientId: string; userDataRetention: boolean },
): Record<string, unknown> {
  return {
    account_id: options.accountId,
    user_id: options.userId,
    client_id: options.clientId,
    deauthorization_time: new Date(state.now()).toISOString(),
    user_data_retention: String(options.userDataRetention),
  };
}

export interface ValidationReport {
  ok: boolean;
  status: number | null;
  reason: string;
  ms: number;
}

/** Zoom's endpoint.url_validation: the answer must carry the plainToken and its HMAC, within 3 s. */
export async function validateEndpoint(app: EmulatorApp): Promise<ValidationReport> {
  const endpoint = endpointOf(app);
  if (!endpoint)
    return { ok: false, status: null, reason: "the app has no eventEndpoint and secretToken", ms: 0 };
  const plainToken = randomToken(16);
  const body = JSON.stringify({
    payload: { plainToken },
    event_ts: Date.now(),
    event: "endpoint.url_validation",
  });
  const sent = await post(endpoint.url, endpoint.secretToken, body);
  const report = (ok: boolean, reason: string): ValidationReport => ({
    ok,
    status: sent.status,
    reason,
    ms: sent.attempt.ms,
  });
  if (sent.status !== 200)
    return report(false, sent.attempt.error ?? `HTTP ${sent.status ?? "none"}, expected 200`);
  let answer: unknown;
  try {
    answer = JSON.parse(sent.text);
  } catch {
    return report(false, "the answer is not JSON");
  }
  const expected = createHmac("sha256", endpoint.secretToken).update(plainToken).digest("hex");
  const { plainToken: echoed, encryptedToken } = (answer ?? {}) as Record<string, unknown>;
  if (echoed !== plainToken) return report(false, "plainToken is missing or differs");
  if (encryptedToken !== expected)
    return report(false, "encryptedToken is not HMAC-SHA256(secretToken, plainToken)");
  return report(true, "validated");
}

/** A deauthorization event Zoom did not send: signed with another key, stale, or unsigned. Sent once. */
export async function sendForgedEvent(
  state: EmulatorState,
  app: EmulatorApp,
  forgery: Forgery,
  payload: Record<string, unknown>,
): Promise<DeliveryAttempt | null> {
  const endpoint = endpointOf(app);
  if (!endpoint) return null;
  const body = JSON.stringify({ event: "app_deauthorized", event_ts: state.now(), payload });
  return (await post(endpoint.url, endpoint.secretToken, body, forgery)).attempt;
}
