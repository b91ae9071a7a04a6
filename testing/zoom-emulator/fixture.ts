// Vitest fixture: one in-process emulator per test file, reset before each test,
// with a standard OAuth app, Server-to-Server app and user registered.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from "oauth4webapi";
import type { ZoomConfig } from "@/lib/zoom/config";
import { exchangeCode } from "@/lib/zoom/exchange-code";
import type { ZoomErrorEntry } from "@/lib/zoom/error-types";
import type { ZoomTokenSet } from "@/lib/zoom/token-set";
import { ZoomError } from "@/lib/zoom/zoom-error";
import {
  authorizeViaConsent,
  emulatorControl,
  type AppRegistration,
  type EmulatorControl,
  type UserRegistration,
} from "./control-client";
import { startZoomEmulator, type RunningZoomEmulator } from "./server";

// 127.0.0.1, not localhost: Zoom was reported refusing plain http://localhost in 2026.
export const REDIRECT_URI = "http://127.0.0.1:3000/api/auth/callback/zoom";

export const OAUTH_APP = {
  clientId: "test-client-id",
  clientSecret: "test-client-secret-0123456789",
  type: "oauth",
  redirectUrls: [REDIRECT_URI],
  allowList: [REDIRECT_URI],
  scopes: ["user:read:user", "meeting:read:list_meetings"],
  accountId: "acct-1",
} satisfies AppRegistration;

export const S2S_APP = {
  clientId: "test-s2s-client-id",
  clientSecret: "test-s2s-secret-0123456789",
  type: "s2s",
  accountId: "acct-1",
  scopes: ["user:read:user:admin"],
} satisfies AppRegistration;

export const USER = {
  id: "user-1",
  // Mixed case on purpose: the client must lower-case it.
  email: "Pat.Person@Example.COM",
  firstName: "Pat",
  lastName: "Person",
  accountId: "acct-1",
} satisfies UserRegistration;

export interface EmulatorFixture {
  readonly url: string;
  readonly config: ZoomConfig;
  readonly control: EmulatorControl;
  /** Press "Allow" on the consent page and return the authorization code. */
  authorize(options?: { codeChallenge?: string; clientId?: string }): Promise<string>;
  /** authorize + exchangeCode with PKCE: a fresh, live token set (of OAUTH_APP unless told). */
  connect(client?: { clientId: string; clientSecret?: string }): Promise<ZoomTokenSet>;
}

export function setupZoomEmulator(): EmulatorFixture {
  let running: RunningZoomEmulator | null = null;
  const get = (): RunningZoomEmulator => {
    if (!running) throw new Error("emulator not started");
    return running;
  };

  beforeAll(async () => {
    running = await startZoomEmulator({ port: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    const control = emulatorControl(get().url);
    await control.reset();
    await control.registerUser(USER);
    await control.registerApp(OAUTH_APP);
    await control.registerApp(S2S_APP);
  });

  const fixture: EmulatorFixture = {
    get url() {
      return get().url;
    },
    get config() {
      return { oauthBaseUrl: get().url, apiBaseUrl: `${get().url}/v2` };
    },
    get control() {
      return emulatorControl(get().url);
    },
    async authorize(options = {}) {
      const location = await authorizeViaConsent(get().url, {
        clientId: OAUTH_APP.clientId,
        redirectUri: REDIRECT_URI,
        state: "state-123",
        ...options,
      });
      const code = location.searchParams.get("code");
      if (!code) throw new Error(`no code in ${location.toString()}`);
      return code;
    },
    async connect(client) {
      const codeVerifier = generateRandomCodeVerifier();
      const codeChallenge = await calculatePKCECodeChallenge(codeVerifier);
      const clientId = client?.clientId ?? OAUTH_APP.clientId;
      const code = await fixture.authorize({ codeChallenge, clientId });
      return exchangeCode({
        clientId,
        clientSecret: client?.clientSecret ?? OAUTH_APP.clientSecret,
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier,
        config: fixture.config,
      });
    },
  };
  return fixture;
}

/** Await a promise that must reject with a ZoomError and return its entry. */
export async function zoomFailure(promise: Promise<unknown>): Promise<ZoomErrorEntry> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ZoomError) return err.entry;
    throw new Error(`expected a ZoomError, got ${String(err)}`, { cause: err });
  }
  throw new Error("expected the call to fail, but it succeeded");
}
