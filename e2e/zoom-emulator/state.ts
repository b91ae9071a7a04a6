import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type {
  AuthCode,
  ConsentRequest,
  Counters,
  EmulatorApp,
  EmulatorUser,
  Fault,
  FaultTarget,
  TokenSetRecord,
} from "./types";

export const ACCESS_TOKEN_SECONDS = 3599;
export const CODE_TTL_MS = 5 * 60 * 1000;
export const CONSENT_TTL_MS = 10 * 60 * 1000;
// Zoom's support pages say refresh tokens last 15 years.
export const REFRESH_TOKEN_MS = 15 * 365 * 24 * 60 * 60 * 1000;

export const DEFAULT_USER: EmulatorUser = {
  id: "demo-user-id",
  email: "dana@example.com",
  firstName: "Dana",
  lastName: "Demo",
  accountId: "demo-account-id",
};

function zeroCounters(): Counters {
  return {
    authorize: 0,
    token: { authorization_code: 0, refresh_token: 0, account_credentials: 0, other: 0 },
    revoke: 0,
    usersMe: 0,
  };
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** Everything the emulator knows; one instance per server, reset by the control API. */
export class EmulatorState {
  apps = new Map<string, EmulatorApp>();
  users = new Map<string, EmulatorUser>();
  signedInUserId: string | null = null;
  /** Per-app choice, so parallel tests each with their own app do not race. */
  signedInByApp = new Map<string, string>();
  codes = new Map<string, AuthCode>();
  consents = new Map<string, ConsentRequest>();
  tokenSets = new Map<string, TokenSetRecord>();
  byAccessToken = new Map<string, TokenSetRecord>();
  byRefreshToken = new Map<string, TokenSetRecord>();
  faults: Fault[] = [];
  counters: Counters = zeroCounters();
  /** The same counts per client id, so tests running side by side read only their own app's. */
  countersByClient = new Map<string, Counters>();

  clientCounters(clientId: string | null | undefined): Counters | null {
    if (!clientId) return null;
    let counters = this.countersByClient.get(clientId);
    if (!counters) this.countersByClient.set(clientId, (counters = zeroCounters()));
    return counters;
  }
  clockOffsetMs = 0;
  signingKey: Uint8Array = randomBytes(64);
  /** Requests held open by the "timeout" fault, ended on reset and close. */
  hanging = new Set<ServerResponse>();

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  reset(): void {
    this.apps.clear();
    this.users.clear();
    this.signedInUserId = null;
    this.signedInByApp.clear();
    this.codes.clear();
    this.consents.clear();
    this.tokenSets.clear();
    this.byAccessToken.clear();
    this.byRefreshToken.clear();
    this.faults = [];
    this.counters = zeroCounters();
    this.countersByClient.clear();
    this.clockOffsetMs = 0;
    this.signingKey = randomBytes(64);
    this.releaseHanging();
  }

  releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  /** The Zoom user the browser is "signed in to Zoom" as. */
  signedInUser(clientId?: string): EmulatorUser {
    const forApp = clientId ? this.signedInByApp.get(clientId) : undefined;
    const chosenId = forApp ?? this.signedInUserId;
    const chosen = chosenId ? this.users.get(chosenId) : undefined;
    if (chosen) return chosen;
    const first = this.users.values().next();
    if (!first.done) return first.value;
    this.users.set(DEFAULT_USER.id, { ...DEFAULT_USER });
    return DEFAULT_USER;
  }

  takeFault(target: FaultTarget, clientId: string | null = null): Fault | null {
    const index = this.faults.findIndex(
      (f) => f.target === target && (f.clientId === null || f.clientId === clientId),
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
  replaceEarlierSets(clientId: string, userId: string): void {
    for (const set of this.tokenSets.values()) {
      if (set.status === "live" && set.clientId === clientId && set.userId === userId)
        set.status = "replaced";
    }
  }

  snapshot(): Record<string, unknown> {
    const sets = [...this.tokenSets.values()];
    const count = (status: TokenSetRecord["status"]) => sets.filter((s) => s.status === status).length;
    return {
      apps: [...this.apps.values()],
      users: [...this.users.values()],
      signedInUserId: this.signedInUserId,
      tokens: {
        live: count("live"),
        rotated: count("rotated"),
        replaced: count("replaced"),
        revoked: count("revoked"),
        sets: sets.map((s) => ({ ...s })),
      },
      pendingCodes: [...this.codes.values()].filter((c) => !c.used).length,
      faults: this.faults,
      counters: this.counters,
      clockOffsetSeconds: this.clockOffsetMs / 1000,
      now: new Date(this.now()).toISOString(),
    };
  }
}
