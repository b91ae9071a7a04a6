import { describe, expect, it } from "vitest";
import {
  CATALOGUE_IDS,
  catalogueEntry,
  classifyApiError,
  classifyNetworkError,
  classifyTokenError,
  describeAccessDenied,
  lookupZoomCode,
  parseRetryAfter,
} from "./error-catalogue";
import { guideFor } from "@/lib/guides";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStepLabel, stepLabel } from "@/lib/guides/progress";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import type { OAuthStepKey } from "./error-types";

type Expectation = [code: string, id: string, kind: "needs_person" | "temporary", step: OAuthStepKey | null];

// Every numeric code docs/zoom-behaviour.md lists, as seen on Zoom's OAuth pages.
const NUMERIC: Expectation[] = [
  ["4700", "invalid_redirect", "needs_person", "redirect"],
  ["4702", "invalid_client", "needs_person", "credentials"],
  ["4704", "invalid_client", "needs_person", "credentials"],
  ["4705", "unsupported_grant_type", "needs_person", "app-type"],
  ["4706", "client_credentials_missing", "needs_person", "credentials"],
  ["4709", "redirect_mismatch", "needs_person", "redirect"],
  ["4711", "missing_scope", "needs_person", "scopes"],
  ["4717", "app_disabled", "needs_person", "connect"],
  ["4733", "code_expired", "needs_person", "connect"],
  ["4734", "invalid_code", "needs_person", "connect"],
  ["4735", "token_owner_gone", "needs_person", "connect"],
  ["4738", "token_disabled_by_admin", "needs_person", "connect"],
  ["4741", "token_replaced", "needs_person", "connect"],
];

describe("lookupZoomCode", () => {
  it.each(NUMERIC)("%s → %s", (code, id, kind, step) => {
    const entry = lookupZoomCode(code);
    expect(entry).toMatchObject({ id, kind, wizardStep: step, zoomCode: code });
    // An entry that sends the person to a step names that step; one that does not names none.
    expect(entry.message).toContain(step ? stepLabel(oauthGuide, step) : "");
  });

  it("reads codes printed with a thousands separator", () => {
    expect(lookupZoomCode("4,700").id).toBe("invalid_redirect");
    expect(lookupZoomCode(4741).id).toBe("token_replaced");
  });

  it("reads REST codes, and 4700 as a missing scope when it came from the API", () => {
    expect(lookupZoomCode("124")).toMatchObject({ id: "invalid_access_token", wizardStep: "connect" });
    expect(lookupZoomCode("1001").id).toBe("user_not_found");
    expect(lookupZoomCode("4700", { source: "api" })).toMatchObject({
      id: "missing_scope",
      wizardStep: "scopes",
    });
  });

  it("reads OAuth error names, statuses and catalogue ids", () => {
    expect(lookupZoomCode("invalid_grant").id).toBe("invalid_grant");
    expect(lookupZoomCode("HTTP 503")).toMatchObject({
      id: "zoom_unavailable",
      kind: "temporary",
      httpStatus: 503,
    });
    expect(lookupZoomCode("HTTP 429").id).toBe("rate_limited");
    expect(lookupZoomCode("timeout").id).toBe("timeout");
  });

  it("gives an unknown code a safe generic message carrying the code", () => {
    const entry = lookupZoomCode("9999<script>");
    expect(entry).toMatchObject({ id: "unknown", zoomCode: "9999script", wizardStep: null });
    expect(entry.message).toContain("9999script");
    expect(entry.message).not.toContain("<");
  });

  it("writes Server-to-Server messages against the Server-to-Server steps", () => {
    expect(lookupZoomCode("invalid_client", { flow: "s2s" })).toMatchObject({
      wizardStep: "s2s-credentials",
    });
    expect(lookupZoomCode("invalid_client", { flow: "s2s" }).message).toContain(
      formStepLabel(s2sGuide, "s2s-credentials"),
    );
    expect(lookupZoomCode("4700", { flow: "s2s", source: "api" }).message).toContain(
      stepLabel(s2sGuide, "s2s-scopes"),
    );
  });
});

describe("classifyTokenError", () => {
  const token = (body: unknown, status = 400, flow?: "oauth" | "s2s") =>
    classifyTokenError({ status, body, flow });

  it.each([
    [
      { reason: "Invalid client_id or client_secret", error: "invalid_client" },
      "invalid_client",
      "fix_secret",
      "credentials",
    ],
    [{ reason: "Invalid Token!", error: "invalid_grant" }, "invalid_grant", "reconnect", "connect"],
    [
      { reason: "Invalid authorization code abc", error: "invalid_request" },
      "invalid_code",
      "reconnect",
      "connect",
    ],
    [
      { reason: "Redirect URI mismatch", error: "invalid_request" },
      "redirect_mismatch",
      "fix_redirect",
      "redirect",
    ],
    [
      { reason: "Unsupported grant type", error: "unsupported_grant_type" },
      "unsupported_grant_type",
      "fix_client_id",
      "app-type",
    ],
    [{ reason: "Something new", error: "invalid_request" }, "invalid_request", "reconnect", "connect"],
    [
      { reason: "Invalid Token!", error: "invalid_grant", code: 4741 },
      "token_replaced",
      "reconnect",
      "connect",
    ],
  ] as const)("%j → %s", (body, id, action, step) => {
    const entry = token(body);
    expect(entry).toMatchObject({ id, action, wizardStep: step, kind: "needs_person", httpStatus: 400 });
    expect(entry.message).toContain(stepLabel(oauthGuide, step));
  });

  it("branches on `error`, not on the status code", () => {
    expect(token({ reason: "Invalid client_id or client_secret", error: "invalid_client" }, 401).id).toBe(
      "invalid_client",
    );
  });

  it("reads a bad account_id in the Server-to-Server grant", () => {
    expect(token({ reason: "Invalid account_id", error: "invalid_request" }, 400, "s2s")).toMatchObject({
      id: "invalid_account_id",
      action: "fix_account_id",
    });
    expect(token({ reason: "Bad Request", error: "invalid_request" }, 400, "s2s").id).toBe(
      "invalid_account_id",
    );
    expect(token({ reason: "The app has not been activated", error: "invalid_client" }, 400, "s2s").id).toBe(
      "app_not_activated",
    );
  });

  it("treats 429 and 5xx as temporary whatever the body", () => {
    const limited = classifyTokenError({ status: 429, body: "", headers: { "Retry-After": "30" } });
    expect(limited).toMatchObject({ id: "rate_limited", kind: "temporary", retryAfterSeconds: 30 });
    for (const status of [500, 502, 503, 504]) {
      expect(token({ error: "invalid_grant" }, status)).toMatchObject({
        id: "zoom_unavailable",
        kind: "temporary",
        zoomCode: `HTTP ${status}`,
      });
    }
  });

  it("gives an unknown error name the generic entry with the code", () => {
    expect(token({ error: "brand_new_error" })).toMatchObject({
      id: "unknown",
      kind: "needs_person",
      zoomCode: "brand_new_error",
    });
    expect(token("<html>nope</html>", 404)).toMatchObject({ id: "unknown", zoomCode: "HTTP 404" });
  });
});

describe("classifyApiError", () => {
  it("maps 124, 4700 (with the scope named), 1001, 429 and 5xx", () => {
    expect(
      classifyApiError({ status: 401, body: { code: 124, message: "Invalid access token." } }),
    ).toMatchObject({ id: "invalid_access_token", kind: "needs_person" });
    const scope = classifyApiError({
      status: 400,
      body: { code: 4700, message: "Invalid access token, does not contain scopes:[user:read:user]" },
    });
    expect(scope).toMatchObject({ id: "missing_scope", action: "add_scope", wizardStep: "scopes" });
    expect(scope.message).toContain("user:read:user");
    expect(classifyApiError({ status: 404, body: { code: 1001, message: "User does not exist" } }).id).toBe(
      "user_not_found",
    );
    const limited = classifyApiError({ status: 429, body: {}, headers: new Headers({ "retry-after": "3" }) });
    expect(limited).toMatchObject({ id: "rate_limited", retryAfterSeconds: 3 });
    expect(classifyApiError({ status: 503, body: "down" })).toMatchObject({
      id: "zoom_unavailable",
      kind: "temporary",
    });
  });

  it("treats a bare 401 as an invalid access token and an unknown code generically", () => {
    expect(classifyApiError({ status: 401, body: "" })).toMatchObject({
      id: "invalid_access_token",
      zoomCode: "HTTP 401",
    });
    expect(classifyApiError({ status: 400, body: { code: 300, message: "x" } })).toMatchObject({
      id: "unknown",
      zoomCode: "300",
    });
  });
});

describe("classifyNetworkError", () => {
  it("recognises timeouts, aborts, refused connections and DNS failures", () => {
    expect(classifyNetworkError(new DOMException("t", "TimeoutError")).id).toBe("timeout");
    expect(classifyNetworkError(new DOMException("a", "AbortError")).id).toBe("aborted");
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
    });
    expect(classifyNetworkError(refused)).toMatchObject({
      id: "connection_failed",
      zoomCode: "ECONNREFUSED",
      kind: "temporary",
    });
    const aggregate = new TypeError("fetch failed", {
      cause: new AggregateError([Object.assign(new Error("x"), { code: "ENOTFOUND" })]),
    });
    expect(classifyNetworkError(aggregate).zoomCode).toBe("ENOTFOUND");
    expect(classifyNetworkError(Object.assign(new Error("h"), { code: "UND_ERR_HEADERS_TIMEOUT" })).id).toBe(
      "timeout",
    );
    expect(classifyNetworkError(new SyntaxError("Unexpected token")).id).toBe("invalid_response");
    expect(classifyNetworkError("weird")).toMatchObject({
      id: "unknown",
      kind: "temporary",
      action: "retry",
    });
  });
});

describe("the catalogue as a whole", () => {
  it("every entry has a title, a plain message and a step label matching its step", () => {
    for (const id of CATALOGUE_IDS) {
      for (const flow of ["oauth", "s2s"] as const) {
        const entry = catalogueEntry(id, { flow });
        expect(entry.id).toBe(id);
        expect(entry.title.length).toBeGreaterThan(3);
        expect(entry.message).not.toMatch(/OAuth2|error_description|undefined|null/);
        expect(entry.message).toContain(entry.wizardStep ? stepLabel(guideFor(flow), entry.wizardStep) : "");
        // A temporary failure offers a retry.
        expect(entry.kind === "temporary" ? entry.action : "retry").toBe("retry");
      }
    }
  });

  it("describes Decline", () => {
    const entry = describeAccessDenied();
    expect(entry).toMatchObject({
      id: "access_denied",
      kind: "needs_person",
      action: "reconnect",
      wizardStep: "connect",
      zoomCode: "access_denied",
    });
    expect(entry.message).toContain("Decline");
    expect(entry.message).toContain(formStepLabel(oauthGuide, "connect"));
  });

  it("parses Retry-After as seconds or a date", () => {
    const now = new Date("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});
