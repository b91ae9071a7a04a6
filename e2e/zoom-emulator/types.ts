export type AppType = "oauth" | "s2s";

export interface EmulatorApp {
  clientId: string;
  clientSecret: string;
  type: AppType;
  name: string;
  redirectUrls: string[];
  allowList: string[];
  scopes: string[];
  accountId: string | null;
  activated: boolean;
  disabled: boolean;
}

export interface EmulatorUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  accountId: string;
  picUrl?: string;
}

export interface AuthCode {
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string | null;
  scopes: string[];
  issuedAtMs: number;
  used: boolean;
}

export interface ConsentRequest {
  id: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  createdAtMs: number;
}

/** Why a token set stopped working; "replaced" is Zoom's 4741. */
export type TokenSetStatus = "live" | "rotated" | "replaced" | "revoked";

export interface TokenSetRecord {
  id: string;
  grant: "authorization_code" | "refresh_token" | "account_credentials";
  clientId: string;
  userId: string | null;
  accountId: string;
  scopes: string[];
  accessToken: string;
  accessExpiresAtMs: number;
  refreshToken: string | null;
  refreshExpiresAtMs: number | null;
  status: TokenSetStatus;
}

export const FAULT_TARGETS = ["token", "revoke", "api", "authorize"] as const;
export const FAULT_KINDS = ["500", "429", "slow", "timeout", "garbage", "lost"] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  target: FaultTarget;
  kind: FaultKind;
  remaining: number;
  retryAfterSeconds: number | null;
  delayMs: number | null;
  /** Only calls authenticated as this client (Basic auth); all calls when null. */
  clientId: string | null;
}

export interface Counters {
  authorize: number;
  token: { authorization_code: number; refresh_token: number; account_credentials: number; other: number };
  revoke: number;
  usersMe: number;
}
