import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateClient, callerClientId, type OAuthErrorBody } from "./client-auth";
import { applyFault } from "./faults";
import { isFormRequest, readRawBody, sendJson } from "./http-utils";
import { mintTokenSet, tokenResponse } from "./mint";
import { CODE_TTL_MS, type EmulatorState } from "./state";
import type { ClientVia, EmulatorApp } from "./types";

type Result = { status: 200; body: Record<string, unknown> } | { status: 400; body: OAuthErrorBody };
interface Caller {
  app: EmulatorApp;
  via: ClientVia;
  clientId: string;
}

const err = (error: string, reason: string): Result => ({ status: 400, body: { reason, error } });
// Zoom's invalid_grant rarely says why: no numeric code, whatever the cause.
const INVALID_TOKEN: Result = err("invalid_grant", "Invalid Token!");
// Only the Server-to-Server grant may be sent in the query string (Zoom's own docs do).
const QUERY_ALLOWED = new Set(["grant_type", "account_id"]);

async function authorizationCode(
  state: EmulatorState,
  caller: Caller,
  form: URLSearchParams,
  apiUrl: string,
): Promise<Result> {
  const { app } = caller;
  if (app.type !== "oauth") return err("unsupported_grant_type", "Unsupported grant type");
  const code = form.get("code");
  const redirectUri = form.get("redirect_uri");
  if (!code || !redirectUri) return err("invalid_request", "Missing code or redirect_uri");
  const stored = state.codes.get(code);
  // A code belongs to the client id it was issued to, not just to the app.
  if (!stored || stored.clientId !== caller.clientId || stored.used) {
    return err("invalid_request", `Invalid authorization code ${code}`);
  }
  // One presentation only, whatever the outcome: a second try must fail too.
  stored.used = true;
  if (state.now() - stored.issuedAtMs > CODE_TTL_MS) {
    return err("invalid_request", `Invalid authorization code ${code}, the code is expired`);
  }
  if (redirectUri !== stored.redirectUri) return err("invalid_request", "Redirect URI mismatch");
  const verifier = form.get("code_verifier");
  if (stored.codeChallenge !== null || app.requirePkce || caller.via === "public") {
    if (!verifier) return err("invalid_request", "Missing code_verifier");
    const computed = createHash("sha256").update(verifier).digest("base64url");
    if (computed !== stored.codeChallenge) return err("invalid_grant", "Invalid code_verifier");
  }
  const user = state.users.get(stored.userId);
  if (!user) return err("invalid_grant", "Owner of token does not exist");
  state.replaceEarlierSets(app.clientId, user.id);
  const record = await mintTokenSet(
    state,
    {
      appKey: app.clientId,
      clientId: caller.clientId,
      userId: user.id,
      accountId: user.accountId,
      scopes: stored.scopes,
      grant: "authorization_code",
    },
    true,
  );
  return { status: 200, body: tokenResponse(record, apiUrl) };
}

async function refreshToken(
  state: EmulatorState,
  caller: Caller,
  form: URLSearchParams,
  apiUrl: string,
): Promise<Result> {
  if (caller.app.type !== "oauth") return err("unsupported_grant_type", "Unsupported grant type");
  const token = form.get("refresh_token");
  if (!token) return err("invalid_request", "Missing refresh_token");
  const old = state.byRefreshToken.get(token);
  if (!old || old.clientId !== caller.clientId) return INVALID_TOKEN;
  if (old.status !== "live" || (old.refreshExpiresAtMs ?? 0) <= state.now()) return INVALID_TOKEN;
  // Rotation: the old refresh token and its access token die at once, no grace.
  old.status = "rotated";
  // The granted scopes stay as they were authorized, even if the app's changed
  // since (docs/zoom-behaviour.md: refresh still succeeds; only a new authorization grants more).
  const record = await mintTokenSet(
    state,
    {
      appKey: old.appKey,
      clientId: old.clientId,
      userId: old.userId,
      accountId: old.accountId,
      scopes: old.scopes,
      grant: "refresh_token",
    },
    true,
  );
  return { status: 200, body: tokenResponse(record, apiUrl) };
}

async function accountCredentials(
  state: EmulatorState,
  caller: Caller,
  accountId: string | null,
  apiUrl: string,
): Promise<Result> {
  const { app } = caller;
  if (app.type !== "s2s") return err("unsupported_grant_type", "Unsupported grant type");
  if (!accountId || accountId !== app.accountId) return err("invalid_request", "Invalid account_id");
  if (!app.activated) return err("invalid_client", "The app has not been activated");
  const record = await mintTokenSet(
    state,
    {
      appKey: app.clientId,
      clientId: caller.clientId,
      userId: null,
      accountId,
      scopes: app.scopes,
      grant: "account_credentials",
    },
    false,
  );
  return { status: 200, body: tokenResponse(record, apiUrl) };
}

export async function handleToken(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  apiUrl: string,
): Promise<void> {
  const raw = await readRawBody(req);
  const isForm = isFormRequest(req);
  const form = isForm ? new URLSearchParams(raw) : new URLSearchParams();
  const query = url.searchParams;
  const grantType = form.get("grant_type") ?? query.get("grant_type");
  const clientId = callerClientId(req, form);
  for (const counters of state.countersFor(clientId)) {
    const bucket = counters.token;
    if (
      grantType === "authorization_code" ||
      grantType === "refresh_token" ||
      grantType === "account_credentials"
    )
      bucket[grantType] += 1;
    else bucket.other += 1;
  }
  if (await applyFault(state, "token", res, state.appKeyOf(clientId))) return;

  const result = await decide();
  sendJson(res, result.status, result.body);

  async function decide(): Promise<Result> {
    if (req.method !== "POST") return err("invalid_request", "Method not allowed");
    if (raw.length > 0 && !isForm)
      return err("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    const forbidden = [...query.keys()].find((k) => !QUERY_ALLOWED.has(k));
    if (forbidden)
      return err("invalid_request", `${forbidden} must be sent in the request body, not the query string`);
    if (query.has("grant_type") && query.get("grant_type") !== "account_credentials") {
      return err("invalid_request", "grant_type must be sent in the request body");
    }
    const auth = authenticateClient(state, req, form);
    if (!auth.ok) return { status: 400, body: auth.body };
    switch (grantType) {
      case "authorization_code":
        return authorizationCode(state, auth, form, apiUrl);
      case "refresh_token":
        return refreshToken(state, auth, form, apiUrl);
      case "account_credentials":
        return accountCredentials(state, auth, form.get("account_id") ?? query.get("account_id"), apiUrl);
      default:
        return err("unsupported_grant_type", "Unsupported grant type");
    }
  }
}
