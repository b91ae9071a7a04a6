// Typed helpers for the emulator's control API, for contract tests and e2e specs.
import type {
  Counters,
  DeliveryAttempt,
  EventDelivery,
  FaultKind,
  FaultTarget,
  ManagedBy,
  MissingScopeCode,
  UserRole,
} from "./types";

export interface PairRegistration {
  clientId: string;
  clientSecret: string;
  redirectUrls?: string[];
  /** Defaults to redirectUrls, as the Marketplace pre-fills it. */
  allowList?: string[];
}

/**
 * A Zoom app. The flat clientId / clientSecret / redirectUrls / allowList are
 * its Development pair; `production` is the second pair of a General app.
 */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  type: "oauth" | "s2s";
  name?: string;
  redirectUrls?: string[];
  allowList?: string[];
  scopes: string[];
  /** The Zoom account the app was built in (required). */
  accountId: string;
  activated?: boolean;
  disabled?: boolean;
  production?: PairRegistration | null;
  publicClientId?: string | null;
  /** Default false: only the Development pair, only the own account's users. */
  published?: boolean;
  managedBy?: ManagedBy;
  requirePkce?: boolean;
  refuseLocalhost?: boolean;
  missingScopeCode?: MissingScopeCode;
  eventEndpoint?: string | null;
  secretToken?: string | null;
}

export type AppPatch = Partial<Omit<AppRegistration, "clientId" | "type">> & {
  development?: Partial<Omit<PairRegistration, "clientId">>;
};

export interface UserRegistration {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  accountId: string;
  /** Default "owner"; a "member" meets the admin-only and pre-approval pages. */
  role?: UserRole;
  picUrl?: string;
}

export interface AccountSettings {
  id: string;
  preApprovalRequired?: boolean;
  /** Development Client IDs an admin pre-approved. */
  approvedApps?: string[];
}

export interface ValidationReport {
  ok: boolean;
  status: number | null;
  reason: string;
  ms: number;
}

export interface FaultRequest {
  target: FaultTarget;
  kind: FaultKind;
  count?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** Only for calls of this client (tests running in parallel each fault their own app). */
  clientId?: string;
}

export interface EmulatorControl {
  reset(): Promise<void>;
  registerApp(app: AppRegistration): Promise<void>;
  patchApp(clientId: string, patch: AppPatch): Promise<void>;
  registerUser(user: UserRegistration): Promise<void>;
  registerAccount(account: AccountSettings): Promise<void>;
  settings(settings: { refuseLocalhost?: boolean; eventRetryDelayMs?: number }): Promise<void>;
  /** The Zoom user the consent page signs in as; with clientId, only for that app. */
  signIn(userId: string | null, clientId?: string): Promise<void>;
  addFault(fault: FaultRequest): Promise<void>;
  /** Every fault, or with a client id only that app's. */
  clearFaults(clientId?: string): Promise<void>;
  /** Every call, or with a client id only that app's (safe when tests run side by side). */
  counters(clientId?: string): Promise<Counters>;
  setClock(offsetSeconds: number): Promise<void>;
  /** The app's live access tokens stop working at Zoom now (401 code 124); refresh tokens still do. */
  expireAccessTokens(clientId: string): Promise<{ expired: number }>;
  state(): Promise<Record<string, unknown>>;
  /** Send endpoint.url_validation to the app's endpoint and check the answer. */
  validateEndpoint(clientId: string): Promise<ValidationReport>;
  /** The user removes the app in Zoom: tokens die, a signed app_deauthorized is delivered (with retries). */
  deauthorize(
    clientId: string,
    userId: string,
    options?: { userDataRetention?: boolean },
  ): Promise<{ killedTokenSets: number; delivery: EventDelivery }>;
  /** An app_deauthorized Zoom did not send; changes nothing in Zoom. */
  sendForgedEvent(
    clientId: string,
    kind: "bad_signature" | "stale_timestamp" | "no_signature",
    userId?: string,
  ): Promise<DeliveryAttempt>;
  /** Event deliveries so far (revoke sends them without waiting), optionally of one app. */
  events(clientId?: string): Promise<EventDelivery[]>;
  /** Zoom retries an earlier delivery: the same body, freshly signed, sent once. */
  redeliverEvent(deliveryId: string): Promise<DeliveryAttempt>;
  /** Mint up to 10,000 live token sets of one OAuth app and user at once (seeding many connections). */
  mintTokenSets(input: {
    clientId: string;
    userId: string;
    count: number;
    accessExpiresInSeconds?: number;
  }): Promise<SeededTokenSet[]>;
}

export interface SeededTokenSet {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: string;
  scopes: string[];
}

export function emulatorControl(baseUrl: string): EmulatorControl {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${baseUrl}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok)
      throw new Error(`emulator ${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }
  return {
    reset: async () => void (await call("POST", "/reset")),
    registerApp: async (app) => void (await call("POST", "/apps", app)),
    patchApp: async (clientId, patch) =>
      void (await call("PATCH", `/apps/${encodeURIComponent(clientId)}`, patch)),
    registerUser: async (user) => void (await call("POST", "/users", user)),
    registerAccount: async (account) => void (await call("POST", "/accounts", account)),
    settings: async (settings) => void (await call("POST", "/settings", settings)),
    signIn: async (userId, clientId) => void (await call("POST", "/signed-in-user", { userId, clientId })),
    addFault: async (fault) => void (await call("POST", "/faults", { count: 1, ...fault })),
    clearFaults: async (clientId) =>
      void (await call("DELETE", clientId ? `/faults?clientId=${encodeURIComponent(clientId)}` : "/faults")),
    counters: async (clientId?: string) =>
      (await call("GET", clientId ? `/counters/${encodeURIComponent(clientId)}` : "/counters")) as Counters,
    setClock: async (offsetSeconds) => void (await call("POST", "/clock", { offsetSeconds })),
    expireAccessTokens: async (clientId) =>
      (await call("POST", `/apps/${encodeURIComponent(clientId)}/expire-access-tokens`)) as {
        expired: number;
      },
    state: async () => (await call("GET", "/state")) as Record<string, unknown>,
    validateEndpoint: async (clientId) =>
      (await call("POST", `/apps/${encodeURIComponent(clientId)}/validate-endpoint`)) as ValidationReport,
    deauthorize: async (clientId, userId, options = {}) =>
      (await call("POST", `/apps/${encodeURIComponent(clientId)}/deauthorize`, {
        userId,
        ...options,
      })) as { killedTokenSets: number; delivery: EventDelivery },
    sendForgedEvent: async (clientId, kind, userId) =>
      (
        (await call("POST", `/apps/${encodeURIComponent(clientId)}/forged-event`, { kind, userId })) as {
          attempt: DeliveryAttempt;
        }
      ).attempt,
    mintTokenSets: async (input) =>
      ((await call("POST", "/token-sets", input)) as { sets: SeededTokenSet[] }).sets,
    redeliverEvent: async (deliveryId) =>
      (
        (await call("POST", `/events/${encodeURIComponent(deliveryId)}/redeliver`)) as {
          attempt: DeliveryAttempt;
        }
      ).attempt,
    events: async (clientId) =>
      (await call(
        "GET",
        clientId ? `/events?clientId=${encodeURIComponent(clientId)}` : "/events",
      )) as EventDelivery[],
  };
}

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  decision?: "allow" | "decline";
}

/** Zoom showed its own page instead of the consent page; the title is what the person saw. */
export class AuthorizePageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
  ) {
    super(`authorize failed: ${title}`);
    this.name = "AuthorizePageError";
  }
}

/**
 * Walk the consent page the way a browser would (GET the page, press a button)
 * and return where Zoom redirected to. Throws with the page text on an error page.
 */
export async function authorizeViaConsent(baseUrl: string, params: AuthorizeParams): Promise<URL> {
  const url = new URL(`${baseUrl}/oauth/authorize`);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", params.clientId);
  url.searchParams.set("redirect_uri", params.redirectUri);
  if (params.state) url.searchParams.set("state", params.state);
  if (params.codeChallenge) {
    url.searchParams.set("code_challenge", params.codeChallenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  const page = await fetch(url, { redirect: "manual" });
  const html = await page.text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !consentId) {
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? `HTTP ${page.status}`;
    throw new AuthorizePageError(page.status, title);
  }
  const answer = await fetch(`${baseUrl}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ consent_id: consentId, decision: params.decision ?? "allow" }),
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`consent failed: HTTP ${answer.status}`);
  return new URL(location);
}
