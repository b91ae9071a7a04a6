import type { IncomingMessage } from "node:http";
import { parseBasicAuth } from "./http-utils";
import type { EmulatorState } from "./state";
import type { EmulatorApp } from "./types";

export interface OAuthErrorBody {
  reason: string;
  error: string;
  code?: number;
}

export type ClientAuthResult = { ok: true; app: EmulatorApp } | { ok: false; body: OAuthErrorBody };

const INVALID_CLIENT: OAuthErrorBody = {
  reason: "Invalid client_id or client_secret",
  error: "invalid_client",
};

/** Zoom accepts client credentials only as HTTP Basic; secrets in the body are refused. */
export function authenticateClient(
  state: EmulatorState,
  req: IncomingMessage,
  form: URLSearchParams,
): ClientAuthResult {
  if (form.has("client_secret")) {
    return {
      ok: false,
      body: {
        reason: "Client credentials must be sent with HTTP Basic authentication",
        error: "invalid_client",
      },
    };
  }
  const basic = parseBasicAuth(req);
  if (!basic)
    return { ok: false, body: { reason: "Missing client_id or client_secret", error: "invalid_client" } };
  const bodyClientId = form.get("client_id");
  if (bodyClientId !== null && bodyClientId !== basic.clientId) return { ok: false, body: INVALID_CLIENT };
  const app = state.apps.get(basic.clientId);
  if (!app || app.clientSecret !== basic.clientSecret) return { ok: false, body: INVALID_CLIENT };
  if (app.disabled)
    return { ok: false, body: { reason: "This app has been disabled", error: "invalid_client", code: 4717 } };
  return { ok: true, app };
}
