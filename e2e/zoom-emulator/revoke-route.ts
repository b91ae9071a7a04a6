import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateClient } from "./client-auth";
import { applyFault } from "./faults";
import { isFormRequest, parseBasicAuth, readRawBody, sendJson } from "./http-utils";
import type { EmulatorState } from "./state";

export async function handleRevoke(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const raw = await readRawBody(req);
  state.counters.revoke += 1;
  const perClient = state.clientCounters(parseBasicAuth(req)?.clientId);
  if (perClient) perClient.revoke += 1;
  if (await applyFault(state, "revoke", res, parseBasicAuth(req)?.clientId ?? null)) return;
  const invalid = (reason: string) => sendJson(res, 400, { reason, error: "invalid_request" });

  if (req.method !== "POST") return invalid("Method not allowed");
  if (!isFormRequest(req)) return invalid("Content-Type must be application/x-www-form-urlencoded");
  if (url.searchParams.has("token")) return invalid("token must be sent in the request body");
  const form = new URLSearchParams(raw);
  const auth = authenticateClient(state, req, form);
  if (!auth.ok) return sendJson(res, 400, auth.body);
  const token = form.get("token");
  if (!token) return invalid("Missing token");

  const set = state.byAccessToken.get(token) ?? state.byRefreshToken.get(token);
  if (set && set.clientId !== auth.app.clientId) return invalid("Invalid Token!");
  // RFC 7009: revoking a token that is already dead or unknown still succeeds —
  // the caller's goal (the token no longer works) is met.
  if (set?.status === "live") set.status = "revoked";
  sendJson(res, 200, { status: "success" });
}
