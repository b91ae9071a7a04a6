// Typed helpers for the emulator's control API, for contract tests and e2e specs.
import type { Counters, FaultKind, FaultTarget } from "./types";

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  type: "oauth" | "s2s";
  name?: string;
  redirectUrls?: string[];
  allowList?: string[];
  scopes: string[];
  accountId?: string;
  activated?: boolean;
  disabled?: boolean;
}

export interface UserRegistration {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  accountId: string;
  picUrl?: string;
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
  patchApp(clientId: string, patch: Partial<Omit<AppRegistration, "clientId">>): Promise<void>;
  registerUser(user: UserRegistration): Promise<void>;
  /** The Zoom user the consent page signs in as; with clientId, only for that app. */
  signIn(userId: string | null, clientId?: string): Promise<void>;
  addFault(fault: FaultRequest): Promise<void>;
  clearFaults(): Promise<void>;
  /** Every call, or with a client id only that app's (safe when tests run side by side). */
  counters(clientId?: string): Promise<Counters>;
  setClock(offsetSeconds: number): Promise<void>;
  state(): Promise<Record<string, unknown>>;
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
    signIn: async (userId, clientId) => void (await call("POST", "/signed-in-user", { userId, clientId })),
    addFault: async (fault) => void (await call("POST", "/faults", { count: 1, ...fault })),
    clearFaults: async () => void (await call("DELETE", "/faults")),
    counters: async (clientId?: string) =>
      (await call("GET", clientId ? `/counters/${encodeURIComponent(clientId)}` : "/counters")) as Counters,
    setClock: async (offsetSeconds) => void (await call("POST", "/clock", { offsetSeconds })),
    state: async () => (await call("GET", "/state")) as Record<string, unknown>,
  };
}

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  decision?: "allow" | "decline";
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
    throw new Error(`authorize failed: ${title}`);
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
