import { SignJWT } from "jose";
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_MS, randomToken, type EmulatorState } from "./state";
import type { TokenSetRecord } from "./types";

interface Subject {
  appKey: string;
  clientId: string;
  userId: string | null;
  accountId: string;
  scopes: string[];
  grant: TokenSetRecord["grant"];
}

// Zoom's tokens are HS512 JWTs signed with a key only Zoom holds; so are ours.
async function sign(
  state: EmulatorState,
  claims: Record<string, string>,
  expiresAtMs: number,
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS512", typ: "JWT" })
    .setIssuedAt(Math.floor(state.now() / 1000))
    .setExpirationTime(Math.floor(expiresAtMs / 1000))
    .setJti(randomToken(12))
    .sign(state.signingKey);
}

export async function mintTokenSet(
  state: EmulatorState,
  subject: Subject,
  withRefresh: boolean,
): Promise<TokenSetRecord> {
  const base = { clientId: subject.clientId, accountId: subject.accountId };
  const user: Record<string, string> = subject.userId ? { userId: subject.userId } : {};
  const accessExpiresAtMs = state.now() + ACCESS_TOKEN_SECONDS * 1000;
  const refreshExpiresAtMs = withRefresh ? state.now() + REFRESH_TOKEN_MS : null;
  const record: TokenSetRecord = {
    id: randomToken(9),
    grant: subject.grant,
    appKey: subject.appKey,
    clientId: subject.clientId,
    userId: subject.userId,
    accountId: subject.accountId,
    scopes: [...subject.scopes],
    accessToken: await sign(state, { ...base, ...user, tokenType: "access_token" }, accessExpiresAtMs),
    accessExpiresAtMs,
    refreshToken: refreshExpiresAtMs
      ? await sign(state, { ...base, ...user, tokenType: "refresh_token" }, refreshExpiresAtMs)
      : null,
    refreshExpiresAtMs,
    status: "live",
  };
  state.addTokenSet(record);
  return record;
}

export function tokenResponse(record: TokenSetRecord, apiUrl: string): Record<string, unknown> {
  return {
    access_token: record.accessToken,
    token_type: "bearer",
    ...(record.refreshToken ? { refresh_token: record.refreshToken } : {}),
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: record.scopes.join(" "),
    api_url: apiUrl,
  };
}
