import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type {
  AuthCode,
  ClientPair,
  ClientVia,
  ConsentRequest,
  Counters,
  EmulatorAccount,
  EmulatorApp,
  EmulatorUser,
  EventDelivery,
  Fault,
  MeetingRecord,
  FaultTarget,
  TokenSetRecord,
} from "./types";

export const ACCESS_TOKEN_SECONDS = 3599;
export const CODE_TTL_MS = 5 * 60 * 1000;
export const CONSENT_TTL_MS = 10 * 60 * 1000;
// Zoom's support pages say refresh tokens last 15 years.
export const REFRESH_TOKEN_MS = 15 * 365 * 24 * 60 * 60 * 1000;
// Zoom waits minutes between event retries; tests cannot, so the pause is short.
export const DEFAULT_EVENT_RETRY_DELAY_MS = 200;

export const DEFAULT_USER: EmulatorUser = {
  id: "demo-user-id",
  email: "dana@example.com",
  firstName: "Dana",
  lastName: "Demo",
  accountId: "demo-account-id",
  role: "owner",
};

export function zeroCounters(): Counters {
  return {
    authorize: 0,
    token: { authorization_code: 0, refresh_token: 0, account_credentials: 0, other: 0 },
    revoke: 0,
    usersMe: 0,
    api: 0,
  };
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export interface ClientMatch {
  app: EmulatorApp;
  via: ClientVia;
  /** The pair whose secret and redirect lists apply; the public id uses the Development view. */
  pair: ClientPair | null;
}

export interface EmulatorSettings {
  /** Refuse plain http://localhost redirects for every app (the 2026 report). */
  refuseLocalhost: boolean;
  eventRetryDelayMs: number;
}

/** Everything the emulator knows; one instance per server, reset by the control API. */
export class EmulatorState {
  apps = new Map<string, EmulatorApp>();
  users = new Map<string, EmulatorUser>();
  accounts = new Map<string, EmulatorAccount>();
  settings: EmulatorSettings = { refuseLocalhost: false, eventRetryDelayMs: DEFAULT_EVENT_RETRY_DELAY_MS };
  signedInUserId: string | null = null;
  /** Per-app choice, so parallel tests each with their own app do not race. */
  signedInByApp = new Map<string, string>();
  codes = new Map<string, AuthCode>();
  consents = new Map<string, ConsentRequest>();
  tokenSets = new Map<string, TokenSetRecord>();
  byAccessToken = new Map<string, TokenSetRecord>();
  byRefreshToken = new Map<string, TokenSetRecord>();
  deliveries: EventDelivery[] = [];
  meetings = new Map<number, MeetingRecord>();
  faults: Fault[] = [];
  counters: Counters = zeroCounters();
  /** The same counts per app, so tests running side by side read only their own app's. */
  countersByApp = new Map<string, Counters>();
  clockOffsetMs = 0;
  signingKey: Uint8Array = randomBytes(64);
  /** Requests held open by the "timeout" fault (with the app they were for), ended on reset and close. */
  hanging = new Map<ServerResponse, string | null>();

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Which app, and which of its pairs, a client id belongs to. */
  findClient(clientId: string | null | undefined): ClientMatch | null {
    if (!clientId) return null;
    for (const app of this.apps.values()) {
      if (app.development.clientId === clientId) return { app, via: "development", pair: app.development };
      if (app.production?.clientId === clientId) return { app, via: "production", pair: app.production };
      if (app.publicClientId === clientId) return { app, via: "public", pair: app.development };
    }
    return null;
  }

  /** Any of an app's client ids → the app's key; unknown ids stay as they are. */
  appKeyOf(clientId: string | null | undefined): string | null {
    if (!clientId) return null;
    return this.findClient(clientId)?.app.clientId ?? clientId;
  }

  /** The global counters and, when the call names an app, that app's. */
  countersFor(clientId: string | null | undefined): Counters[] {
    const key = this.appKeyOf(clientId);
    if (!key) return [this.counters];
    let perApp = this.countersByApp.get(key);
    if (!perApp) this.countersByApp.set(key, (perApp = zeroCounters()));
    return [this.counters, perApp];
  }

  reset(): void {
    this.apps.clear();
    this.users.clear();
    this.accounts.clear();
    this.settings = { refuseLocalhost: false, eventRetryDelayMs: DEFAULT_EVENT_RETRY_DELAY_MS };
    this.signedInUserId = null;
    this.signedInByApp.clear();
    this.codes.clear();
    this.consents.clear();
    this.tokenSets.clear();
    this.byAccessToken.clear();
    this.byRefreshToken.clear();
    this.deliveries = [];
    this.meetings.clear();
    this.faults = [];
    this.counters = zeroCounters();
    this.countersByApp.clear();
    this.clockOffsetMs = 0;
    this.signingKey = randomBytes(64);
    this.releaseHanging();
  }

  /** End held requests: all, or only those of one app (so a parallel spec's stay held). */
  releaseHanging(appKey?: string): void {
    for (const [res, key] of this.hanging) {
      if (appKey !== undefined && key !== appKey) continue;
      res.destroy();
      this.hanging.delete(res);
    }
  }

  /** The Zoom user the browser is "signed in to Zoom" as. */
  signedInUser(appKey?: string): EmulatorUser {
    const forApp = appKey ? this.signedInByApp.get(appKey) : undefined;
    const chosenId = forApp ?? this.signedInUserId;
    const chosen = chosenId ? this.users.get(chosenId) : undefined;
    if (chosen) return chosen;
    const first = this.users.values().next();
    if (!first.done) return first.value;
    this.users.set(DEFAULT_USER.id, { ...DEFAULT_USER });
    return DEFAULT_USER;
  }

  account(accountId: string): EmulatorAccount {
    return this.accounts.get(accountId) ?? { id: accountId, preApprovalRequired: false, approvedApps: [] };
  }

  takeFault(target: FaultTarget, appKey: string | null): Fault | null {
    const index = this.faults.findIndex(
      (f) => f.target === target && (f.appKey === null || f.appKey === appKey),
    );
    const fault = this.faults[index];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  addTokenSet(record: TokenSetRecord): void {
    this.tokenSets.set(record.id, record);
    this.byAccessToken.set(record.accessToken, record);
    if (record.refreshToken) this.byRefreshToken.set(record.refreshToken, record);
  }

  /** Zoom keeps one token set per user and app: a new authorization ends the others (4741). */
  replaceEarlierSets(appKey: string, userId: string): void {
    for (const set of this.tokenSets.values()) {
      if (set.status === "live" && set.appKey === appKey && set.userId === userId) set.status = "replaced";
    }
  }

  /**
   * The app is removed from the user's Zoom account: every token set of that
   * user and app dies, whichever pair issued it, and unused codes with them.
   */
  uninstall(appKey: string, userId: string): number {
    let killed = 0;
    for (const set of this.tokenSets.values()) {
      if (set.appKey !== appKey || set.userId !== userId || set.status !== "live") continue;
      set.status = "revoked";
      killed += 1;
    }
    for (const code of this.codes.values()) {
      if (code.appKey === appKey && code.userId === userId) code.used = true;
    }
    return killed;
  }

  snapshot(): Record<string, unknown> {
    const sets = [...this.tokenSets.values()];
    const count = (status: TokenSetRecord["status"]) => sets.filter((s) => s.status === status).length;
    return {
      apps: [...this.apps.values()],
      users: [...this.users.values()],
      accounts: [...this.accounts.values()],
      settings: this.settings,
      signedInUserId: this.signedInUserId,
      tokens: {
        live: count("live"),
        rotated: count("rotated"),
        replaced: count("replaced"),
        revoked: count("revoked"),
        sets: sets.map((s) => ({ ...s })),
      },
      pendingCodes: [...this.codes.values()].filter((c) => !c.used).length,
      deliveries: this.deliveries,
      faults: this.faults,
      counters: this.counters,
      clockOffsetSeconds: this.clockOffsetMs / 1000,
      now: new Date(this.now()).toISOString(),
    };
  }
}
