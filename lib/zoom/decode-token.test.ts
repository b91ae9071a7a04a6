import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { decodeZoomToken, MAX_TOKEN_LENGTH } from "./decode-token";

const NOW = new Date("2025-06-01T12:00:00Z");
const nowSeconds = NOW.getTime() / 1000;
const key = new TextEncoder().encode("a-secret-the-decoder-never-sees-0123456789");

async function jwt(alg: "HS256" | "HS512", payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: "JWT" }).sign(key);
}

const b64 = (value: string) => Buffer.from(value).toString("base64url");

function failure(input: string): string {
  const result = decodeZoomToken(input, NOW);
  if (result.ok) throw new Error(`expected a failure for ${input.slice(0, 40)}`);
  return result.message;
}

describe("decodeZoomToken", () => {
  it("reads a legacy JWT-app token with exp in seconds", async () => {
    const token = await jwt("HS256", { iss: "API_KEY_123", exp: nowSeconds + 30 * 86400 });
    const result = decodeZoomToken(token, NOW);
    expect(result).toMatchObject({
      ok: true,
      kind: "jwt_app",
      issuer: "API_KEY_123",
      expMilliseconds: false,
      state: "valid",
      algorithm: "HS256",
    });
    expect(result.ok && result.expiresAt?.toISOString()).toBe("2025-07-01T12:00:00.000Z");
  });

  it("reads exp in milliseconds, as Zoom's own examples write it", async () => {
    const token = await jwt("HS256", { iss: "API_KEY_123", exp: NOW.getTime() + 3 * 86400_000 });
    const result = decodeZoomToken(token, NOW);
    expect(result).toMatchObject({
      ok: true,
      kind: "jwt_app",
      expMilliseconds: true,
      state: "expiring_soon",
    });
    expect(result.ok && result.expiresAt?.toISOString()).toBe("2025-06-04T12:00:00.000Z");
  });

  it("says a JWT-app token is expiring soon under 7 days and expired after exp", async () => {
    const soon = await jwt("HS256", { iss: "k", exp: nowSeconds + 6 * 86400 });
    const later = await jwt("HS256", { iss: "k", exp: nowSeconds + 8 * 86400 });
    const past = await jwt("HS256", { iss: "k", exp: nowSeconds - 1 });
    expect(decodeZoomToken(soon, NOW)).toMatchObject({ state: "expiring_soon" });
    expect(decodeZoomToken(later, NOW)).toMatchObject({ state: "valid" });
    expect(decodeZoomToken(past, NOW)).toMatchObject({ state: "expired" });
  });

  it("reads an HS512 OAuth access token and its owner", async () => {
    const token = await jwt("HS512", {
      tokenType: "access_token",
      clientId: "client-1",
      userId: "user-1",
      accountId: "acct-1",
      exp: nowSeconds + 3599,
    });
    expect(decodeZoomToken(token, NOW)).toMatchObject({
      ok: true,
      kind: "oauth_access",
      userId: "user-1",
      accountId: "acct-1",
      clientId: "client-1",
      tokenType: "access_token",
      state: "valid",
    });
  });

  it("says an OAuth token is expiring soon under 5 minutes", async () => {
    const soon = await jwt("HS512", { tokenType: "access_token", userId: "u", exp: nowSeconds + 240 });
    const expired = await jwt("HS512", { tokenType: "access_token", userId: "u", exp: nowSeconds - 10 });
    expect(decodeZoomToken(soon, NOW)).toMatchObject({ kind: "oauth_access", state: "expiring_soon" });
    expect(decodeZoomToken(expired, NOW)).toMatchObject({ kind: "oauth_access", state: "expired" });
  });

  it("accepts the short claim names and a pasted 'Bearer ' prefix with line breaks", async () => {
    const token = await jwt("HS512", {
      uid: "u-9",
      aid: "a-9",
      iss: "zm:cid:client-9",
      exp: nowSeconds + 3000,
    });
    const messy = `  Bearer ${token.slice(0, 20)}\n${token.slice(20)}  `;
    expect(decodeZoomToken(messy, NOW)).toMatchObject({
      ok: true,
      kind: "oauth_access",
      userId: "u-9",
      accountId: "a-9",
      clientId: "client-9",
    });
  });

  it("calls other JWTs unknown and notes a missing exp", async () => {
    const token = await jwt("HS256", { sub: "someone" });
    expect(decodeZoomToken(token, NOW)).toMatchObject({
      ok: true,
      kind: "unknown_jwt",
      state: "no_expiry",
      expiresAt: null,
    });
  });

  it("rejects input that is not a token with a message, never an exception", () => {
    for (const input of ["hello world", "abc.def", "a.b.c.d", "ey!.ey.sig"]) {
      const result = decodeZoomToken(input, NOW);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/does not look like a Zoom token/);
    }
  });

  it("rejects empty input", () => {
    expect(failure("")).toMatch(/empty/);
    expect(failure("   \n ")).toMatch(/empty/);
  });

  it("rejects a 100 kB string quickly", () => {
    const huge = "a".repeat(100 * 1024);
    const started = performance.now();
    expect(failure(huge)).toMatch(/16 kB/);
    expect(decodeZoomToken("x".repeat(MAX_TOKEN_LENGTH + 1), NOW).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("rejects a JWT whose payload is garbage", () => {
    const header = b64(JSON.stringify({ alg: "HS512", typ: "JWT" }));
    for (const payload of [b64("not json {"), b64("[1,2,3]"), b64('"a string"')]) {
      expect(failure(`${header}.${payload}.c2ln`)).toMatch(/cannot be read/);
    }
    const badHeader = decodeZoomToken(`${b64("{{{")}.${b64("{}")}.c2ln`, NOW);
    expect(badHeader.ok).toBe(false);
  });

  it("ignores a non-numeric exp instead of inventing a date", async () => {
    const token = await jwt("HS256", { iss: "k", exp: "tomorrow" });
    expect(decodeZoomToken(token, NOW)).toMatchObject({ ok: true, expiresAt: null, state: "no_expiry" });
  });
});
