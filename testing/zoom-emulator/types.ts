export type AppType = "oauth" | "s2s";

/** One Client ID / Client Secret pair with the redirect lists of its Marketplace view. */
export interface ClientPair {
  clientId: string;
  clientSecret: string;
  redirectUrls: string[];
  allowList: string[];
}

/** How a client id was recognised: a General app's two views, or its public (PKCE) id. */
export type ClientVia = "development" | "production" | "public";

export type ManagedBy = "user" | "admin";
export type UserRole = "owner" | "admin" | "member";
/** The codes Zoom has been seen to answer a missing scope with (docs/zoom-behaviour.md). */
export const MISSING_SCOPE_CODES = [4700, 4711, 104] as const;
export type MissingScopeCode = (typeof MISSING_SCOPE_CODES)[number];

export interface EmulatorApp {
  /** The app's key: its Development Client ID (the control API addresses apps by it). */
  clientId: string;
  type: AppType;
  name: string;
  development: ClientPair;
  /** A General app's Production pair; null for Server-to-Server apps. */
  production: ClientPair | null;
  /** "Use Public Client OAuth": a second id for PKCE without a secret. */
  publicClientId: string | null;
  /** Unpublished apps take only the Development pair and only their own account's users. */
  published: boolean;
  managedBy: ManagedBy;
  requirePkce: boolean;
  /** Refuse plain http://localhost redirects with 4700 (reported for 2026). */
  refuseLocalhost: boolean;
  missingScopeCode: MissingScopeCode;
  scopes: string[];
  /** The Zoom account the app was built in. */
  accountId: string;
  activated: boolean;
  disabled: boolean;
  /** Event Subscriptions: where app_deauthorized goes, and the Secret Token that signs it. */
  eventEndpoint: string | null;
  secretToken: string | null;
}

export interface EmulatorUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  accountId: string;
  role: UserRole;
  picUrl?: string;
}

export interface EmulatorAccount {
  id: string;
  /** "Require apps to be pre-approved": members need an admin's approval per app. */
  preApprovalRequired: boolean;
  /** App keys (Development Client IDs) an admin pre-approved. */
  approvedApps: string[];
}

export interface AuthCode {
  code: string;
  appKey: string;
  /** The client id the person authorized with; the exchange must use the same one. */
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
  appKey: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  createdAtMs: number;
}

/** Why a token set stopped working; "replaced" is Zoom's 4741, "revoked" also covers uninstall. */
export type TokenSetStatus = "live" | "rotated" | "replaced" | "revoked";

export interface TokenSetRecord {
  id: string;
  grant: "authorization_code" | "refresh_token" | "account_credentials";
  appKey: string;
  /** The client id it was issued to; a refresh must come from the same one. */
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
export const FAULT_KINDS = ["500", "429", "slow", "slow_answer", "timeout", "garbage", "lost"] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  target: FaultTarget;
  kind: FaultKind;
  remaining: number;
  retryAfterSeconds: number | null;
  delayMs: number | null;
  /** Only calls for this app (by any of its client ids); every call when null. */
  appKey: string | null;
}

/** A meeting made through POST /v2/users/{userId}/meetings. */
export interface MeetingRecord {
  id: number;
  appKey: string;
  hostId: string;
  topic: string;
  type: number;
  startTime: string | null;
  duration: number | null;
  timezone: string;
  agenda: string;
  createdAt: string;
}

export interface Counters {
  authorize: number;
  token: { authorization_code: number; refresh_token: number; account_credentials: number; other: number };
  revoke: number;
  usersMe: number;
  /** Every REST call under /v2 (users/me included), answered or not. */
  api: number;
}

/** One attempt to deliver an event to an app's endpoint. */
export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or null when no answer came within 3 s or the connection failed. */
  status: number | null;
  error: string | null;
  ms: number;
}

export interface EventDelivery {
  id: string;
  appKey: string;
  event: string;
  url: string;
  body: string;
  attempts: DeliveryAttempt[];
  delivered: boolean;
  /** True once Zoom stopped trying (delivered, or every retry used). */
  finished: boolean;
}
