import type { IncomingMessage } from "node:http";
import { parseBasicAuth } from "./http-utils";
import type { EmulatorState } from "./state";
import type { ClientVia, EmulatorApp } from "./types";

export interface OAuthErrorBody {
  reason: string;
  error: string;
  code?: number;
}

export type ClientAuthResult =
  { ok: true; app: EmulatorApp; via: ClientVia; clientId: string } | { ok: false; body: OAuthErrorBody };

const INVALID_CLIENT: OAuthErrorBody = {
  reason: "Invalid client_id or client_secret",
  error: "invalid_client",
};

/** The client id a token or revoke call is made as: Basic auth, or a public client's form field. */
export function callerClientId(req: IncomingMessage, form: URLSearchParams): string | null {
  return parseBasicAuth(req)?.clientId ?? form.get("client_id");
}

/**
 * Zoom accepts client credentials only as HTTP Basic; secrets in the body are
 * refused. Each pair has its own secret: a Development Client ID with the
 * Production secret is `invalid_client`. The public Client ID has no secret at
 * all: it comes in the form without Basic auth, and with Basic auth it fails.
 */
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
  const bodyClientId = form.get("client_id");
  if (!basic) {
    const publicMatch = state.findClient(bodyClientId);
    if (publicMatch?.via === "public" && bodyClientId) {
      if (publicMatch.app.disabled) return { ok: false, body: disabled() };
      return { ok: true, app: publicMatch.app, via: "public", clientId: bodyClientId };
    }
    return { ok: false, body: { reason: "Missing client_id or client_secret", error: "invalid_client" } };
  }
  if (bodyClientId !== null && bodyClientId !== basic.clientId) return { ok: false, body: INVALID_CLIENT };
  const match = state.findClient(basic.clientId);
  if (!match?.pair || match.via === "public" || match.pair.clientSecret !== basic.clientSecret) {
    return { ok: false, body: INVALID_CLIENT };
  }
  if (match.app.disabled) return { ok: false, body: disabled() };
  return { ok: true, app: match.app, via: match.via, clientId: basic.clientId };
}

function disabled(): OAuthErrorBody {
  return { reason: "This app has been disabled", error: "invalid_client", code: 4717 };
}
