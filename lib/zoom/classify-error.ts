import { z } from "zod";
import { buildEntry, type CatalogueId } from "./catalogue-entries";
import type { ZoomErrorEntry, ZoomFlow } from "./error-types";
import {
  API_NUMERIC_CODES,
  MISSING_SCOPE_TEXT,
  OAUTH_NUMERIC_CODES,
  oauthErrorToId,
  reasonToId,
  sanitizeCode,
} from "./zoom-codes";

type HeadersLike = Headers | Record<string, string | undefined>;

export interface HttpErrorInput {
  status: number;
  /** Parsed JSON, or the raw text when the body was not JSON. */
  body: unknown;
  headers?: HeadersLike;
  flow?: ZoomFlow;
}

const tokenErrorBody = z.object({
  error: z.string().optional(),
  reason: z.string().optional(),
  error_description: z.string().optional(),
  code: z.union([z.number(), z.string()]).optional(),
});

const apiErrorBody = z.object({
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
});

function asObject(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

function header(headers: HeadersLike | undefined, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? (headers[key] ?? null) : null;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** 429 and 5xx mean the same on every Zoom endpoint, whatever the body says. */
function classifyStatus(input: HttpErrorInput): ZoomErrorEntry | null {
  const { status, flow } = input;
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(header(input.headers, "retry-after"));
    return buildEntry("rate_limited", { flow, zoomCode: "HTTP 429", httpStatus: status, retryAfterSeconds });
  }
  if (status >= 500) {
    return buildEntry("zoom_unavailable", { flow, zoomCode: `HTTP ${status}`, httpStatus: status });
  }
  return null;
}

function unknownEntry(status: number, code: string | null, flow: ZoomFlow | undefined): ZoomErrorEntry {
  return buildEntry("unknown", {
    flow,
    zoomCode: code ?? `HTTP ${status}`,
    httpStatus: status,
    // Only a server-side failure is worth retrying blindly; anything else needs eyes.
    kind: status >= 500 ? "temporary" : "needs_person",
  });
}

/** Errors from /oauth/token and /oauth/revoke: `{"reason", "error"}`, branch on `error`. */
export function classifyTokenError(input: HttpErrorInput): ZoomErrorEntry {
  const byStatus = classifyStatus(input);
  if (byStatus) return byStatus;
  const { status, flow } = input;
  const parsed = tokenErrorBody.safeParse(asObject(input.body));
  if (!parsed.success) return unknownEntry(status, null, flow);
  const { error, reason, error_description: description, code } = parsed.data;
  const numeric = sanitizeCode(code);
  const base = { flow, httpStatus: status };

  const text = reason ?? description;
  if (text && MISSING_SCOPE_TEXT.test(text)) {
    return buildEntry("missing_scope", {
      ...base,
      zoomCode: numeric ?? sanitizeCode(error),
      detail: scopeDetail(text),
    });
  }
  // A numeric code refines the answer when Zoom sends one; invalid_grant
  // usually comes without any (4741 may never be seen), so nothing depends on it.
  const byCode = numeric ? OAUTH_NUMERIC_CODES[numeric] : undefined;
  if (byCode && numeric) return buildEntry(byCode, { ...base, zoomCode: numeric });

  const errorCode = sanitizeCode(error);
  const byReason = text ? reasonToId(text) : null;
  const byError = error ? oauthErrorToId(error, flow ?? "oauth") : null;
  const id: CatalogueId | null = byReason ?? byError;
  if (id) return buildEntry(id, { ...base, zoomCode: errorCode ?? numeric });
  return unknownEntry(status, errorCode ?? numeric, flow);
}

export function scopeDetail(message: string | undefined): string | null {
  const match = message?.match(/scopes?\s*:\s*\[([^\]]*)\]/i);
  const list = match?.[1]?.replace(/[^\w:,. -]/g, "").trim();
  return list ? list.slice(0, 200) : null;
}

/** Errors from the REST API (`/v2/...`): `{"code": <int>, "message"}`. */
export function classifyApiError(input: HttpErrorInput): ZoomErrorEntry {
  const byStatus = classifyStatus(input);
  if (byStatus) return byStatus;
  const { status, flow } = input;
  const parsed = apiErrorBody.safeParse(asObject(input.body));
  const code = parsed.success ? sanitizeCode(parsed.data.code) : null;
  const base = { flow, httpStatus: status, zoomCode: code };
  const message = parsed.success ? parsed.data.message : undefined;
  // The words decide, not the code: Zoom says a missing scope as 4700, 4711 or 104.
  if (message && MISSING_SCOPE_TEXT.test(message)) {
    return buildEntry("missing_scope", { ...base, detail: scopeDetail(message) });
  }
  if (code) {
    const id = API_NUMERIC_CODES[code] ?? OAUTH_NUMERIC_CODES[code];
    if (id === "missing_scope") {
      return buildEntry(id, { ...base, detail: scopeDetail(parsed.data?.message) });
    }
    if (id) return buildEntry(id, base);
  }
  if (status === 401) {
    return buildEntry("invalid_access_token", { ...base, zoomCode: code ?? "HTTP 401" });
  }
  return unknownEntry(status, code, flow);
}

const TIMEOUT_CODES = new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

// Everything below is "could not talk to Zoom": refused, reset, DNS, TLS.
const CONNECTION_CODE =
  /^(E[A-Z]+|UND_ERR_[A-Z_]+|ERR_TLS_[A-Z_]+|[A-Z_]*CERT[A-Z_]*|DEPTH_ZERO_SELF_SIGNED_CERT)$/;

function collectErrorFacts(err: unknown): { names: string[]; codes: string[] } {
  const names: string[] = [];
  const codes: string[] = [];
  const queue: unknown[] = [err];
  // Bounded walk: causes can be cyclic and AggregateErrors nest.
  for (let i = 0; i < queue.length && i < 20; i++) {
    const current = queue[i];
    if (typeof current !== "object" || current === null) continue;
    const record = current as { name?: unknown; code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.name === "string") names.push(record.name);
    if (typeof record.code === "string") codes.push(record.code);
    if (record.cause !== undefined) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return { names, codes };
}

/** A thrown fetch/network error (no HTTP answer at all). */
export function classifyNetworkError(err: unknown, options: { flow?: ZoomFlow } = {}): ZoomErrorEntry {
  const { flow } = options;
  const { names, codes } = collectErrorFacts(err);
  const timeoutCode = codes.find((c) => TIMEOUT_CODES.has(c));
  if (names.includes("TimeoutError") || timeoutCode) {
    return buildEntry("timeout", { flow, zoomCode: timeoutCode ?? "TIMEOUT" });
  }
  if (names.includes("AbortError")) return buildEntry("aborted", { flow, zoomCode: "ABORTED" });
  const connectionCode = codes.find((c) => CONNECTION_CODE.test(c));
  if (connectionCode)
    return buildEntry("connection_failed", { flow, zoomCode: sanitizeCode(connectionCode) });
  if (err instanceof TypeError && /fetch failed|network/i.test(err.message)) {
    return buildEntry("connection_failed", { flow, zoomCode: null });
  }
  if (err instanceof SyntaxError) return buildEntry("invalid_response", { flow });
  return buildEntry("unknown", { flow, kind: "temporary" });
}
