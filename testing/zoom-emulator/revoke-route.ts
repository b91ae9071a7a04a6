import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateClient, callerClientId } from "./client-auth";
import { deauthorizationPayload, deliverEvent } from "./events";
import { applyFault } from "./faults";
import { isFormRequest, readRawBody, sendJson } from "./http-utils";
import type { EmulatorState } from "./state";

export async function handleRevoke(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const raw = await readRawBody(req);
  const form = new URLSearchParams(isFormRequest(req) ? raw : "");
  const clientId = callerClientId(req, form);
  for (const counters of state.countersFor(clientId)) counters.revoke += 1;
  if (await applyFault(state, "revoke", res, state.appKeyOf(clientId))) return;
  const invalid = (reason: string) => sendJson(res, 400, { reason, error: "invalid_request" });

  if (req.method !== "POST") return invalid("Method not allowed");
  if (!isFormRequest(req)) return invalid("Content-Type must be application/x-www-form-urlencoded");
  if (url.searchParams.has("token")) return invalid("token must be sent in the request body");
  const auth = authenticateClient(state, req, form);
  if (!auth.ok) return sendJson(res, 400, auth.body);
  const token = form.get("token");
  if (!token) return invalid("Missing token");

  const set = state.byAccessToken.get(token) ?? state.byRefreshToken.get(token);
  if (set && set.appKey !== auth.app.clientId) return invalid("Invalid Token!");
  if (set?.userId) {
    // Revoke uninstalls the app for that user: every set of (app, user) dies,
    // even when the token given was already dead (docs/zoom-behaviour.md: assume it does),
    // and Zoom tells the app's endpoint, as if the user had removed the app.
    state.uninstall(set.appKey, set.userId);
    const user = state.users.get(set.userId);
    void deliverEvent(
      state,
      auth.app,
      "app_deauthorized",
      deauthorizationPayload(state, {
        accountId: user?.accountId ?? set.accountId,
        userId: set.userId,
        clientId: auth.clientId,
        userDataRetention: false,
      }),
    ).catch((err: unknown) => console.error("[zoom-emulator] event delivery", err));
  } else if (set?.status === "live") {
    // A Server-to-Server token belongs to no user: only that token dies.
    set.status = "revoked";
  }
  // RFC 7009: revoking an unknown token still succeeds — nothing to kill.
  sendJson(res, 200, { status: "success" });
}
