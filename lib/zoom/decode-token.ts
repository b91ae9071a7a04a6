import { decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";

export const MAX_TOKEN_LENGTH = 16 * 1024;

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
const FIVE_MINUTES_MS = 5 * 60 * 1000;
// Zoom's own JWT-app examples put `exp` in milliseconds although JWT says seconds;
// no seconds value will reach 1e12 before the year 33658.
const MILLISECONDS_THRESHOLD = 1e12;

export type DecodedTokenKind = "jwt_app" | "oauth_access" | "unknown_jwt";
export type DecodedTokenState = "expired" | "expiring_soon" | "valid" | "no_expiry";

export interface DecodedZoomToken {
  ok: true;
  kind: DecodedTokenKind;
  algorithm: string | null;
  issuer: string | null;
  userId: string | null;
  accountId: string | null;
  clientId: string | null;
  /** e.g. "access_token" or "refresh_token" for OAuth tokens. */
  tokenType: string | null;
  expiresAt: Date | null;
  expMilliseconds: boolean;
  state: DecodedTokenState;
}

export type DecodeZoomTokenResult = DecodedZoomToken | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function stringClaim(payload: JWTPayload, ...names: string[]): string | null {
  for (const name of names) {
    const value = payload[name];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return null;
}

function readExpiry(payload: JWTPayload): { expiresAt: Date | null; expMilliseconds: boolean } {
  const exp: unknown = payload.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp) || exp <= 0)
    return { expiresAt: null, expMilliseconds: false };
  const expMilliseconds = exp > MILLISECONDS_THRESHOLD;
  const date = new Date(expMilliseconds ? exp : exp * 1000);
  return Number.isNaN(date.getTime())
    ? { expiresAt: null, expMilliseconds: false }
    : { expiresAt: date, expMilliseconds };
}

function classify(algorithm: string | null, payload: JWTPayload): DecodedTokenKind {
  // Real OAuth tokens have been seen with short claim names (uid, aid); accept both.
  const oauthClaims = ["tokenType", "userId", "accountId", "uid", "aid"].some(
    (c) => payload[c] !== undefined,
  );
  if (algorithm === "HS512" && oauthClaims) return "oauth_access";
  if (algorithm === "HS256" && typeof payload.iss === "string" && payload.exp !== undefined && !oauthClaims) {
    return "jwt_app";
  }
  return "unknown_jwt";
}

function stateOf(kind: DecodedTokenKind, expiresAt: Date | null, now: Date): DecodedTokenState {
  if (!expiresAt) return "no_expiry";
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "expired";
  // A JWT-app token is pasted once and used for days; an OAuth access token lives an hour.
  const soon = kind === "jwt_app" ? SEVEN_DAYS_MS : FIVE_MINUTES_MS;
  return left < soon ? "expiring_soon" : "valid";
}

/**
 * Read a pasted or received token without any secret: what kind it is, whose it
 * is and when it runs out. Never throws; every bad input gets a message a person
 * can act on. Nothing here proves the token is genuine — only Zoom can.
 */
/** Copying from e-mails and terminals adds spaces, line breaks and "Bearer ": the token without them. */
export function normalizePastedToken(input: string): string {
  return input
    .trim()
    .replace(/^bearer\s+/i, "")
    .replace(/\s+/g, "");
}

export function decodeZoomToken(input: string, now: Date = new Date()): DecodeZoomTokenResult {
  if (typeof input !== "string") return fail("Paste the access token into the field.");
  if (input.length > MAX_TOKEN_LENGTH) {
    return fail(
      "This is far too long to be a Zoom token (over 16 kB). Copy only the token itself and paste it again.",
    );
  }
  const token = normalizePastedToken(input);
  if (token.length === 0) return fail("The field is empty. Paste the access token you copied from Zoom.");
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p, i) => i < 2 && !/^[A-Za-z0-9_-]+$/.test(p))) {
    return fail(
      "This does not look like a Zoom token. A token is one long line of letters and numbers " +
        "with exactly two dots in it; copy it again without anything around it.",
    );
  }
  let algorithm: string | null;
  let payload: JWTPayload;
  try {
    const header = decodeProtectedHeader(token);
    algorithm = typeof header.alg === "string" ? header.alg : null;
    payload = decodeJwt(token);
  } catch {
    return fail(
      "This looks like a token but its contents cannot be read. It may be cut short: copy the whole token again.",
    );
  }
  const kind = classify(algorithm, payload);
  const { expiresAt, expMilliseconds } = readExpiry(payload);
  const issuer = stringClaim(payload, "iss");
  return {
    ok: true,
    kind,
    algorithm,
    issuer,
    userId: stringClaim(payload, "userId", "uid"),
    accountId: stringClaim(payload, "accountId", "aid"),
    clientId: stringClaim(payload, "clientId") ?? (issuer?.startsWith("zm:cid:") ? issuer.slice(7) : null),
    tokenType: stringClaim(payload, "tokenType"),
    expiresAt,
    expMilliseconds,
    state: stateOf(kind, expiresAt, now),
  };
}
