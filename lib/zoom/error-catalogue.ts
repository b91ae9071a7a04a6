// The public face of the Zoom error catalogue: every Zoom failure becomes a
// ZoomErrorEntry that says what it means for the credential and what to do.
import { buildEntry, isCatalogueId } from "./catalogue-entries";
import type { ZoomErrorEntry, ZoomFlow } from "./error-types";
import { API_NUMERIC_CODES, OAUTH_NUMERIC_CODES, oauthErrorToId, sanitizeCode } from "./zoom-codes";

export type { ZoomErrorAction, ZoomErrorEntry, ZoomErrorKind } from "./error-types";
export { CATALOGUE_IDS, type CatalogueId } from "./catalogue-entries";
/** Rebuild an entry from a stored id (e.g. a credential's last error), in either wizard's words. */
export { buildEntry as catalogueEntry, type BuildOptions } from "./catalogue-entries";
export {
  classifyApiError,
  classifyNetworkError,
  classifyTokenError,
  parseRetryAfter,
} from "./classify-error";
export type { HttpErrorInput } from "./classify-error";
export { explainZoomMessage, type ZoomMessageExplanation } from "./explain-zoom-message";
export { ZOOM_ERROR_HELP_URL } from "./zoom-page-entries";

/** The wizard (flow) of a credential's method, whose steps its messages name. */
export function flowOfMethod(method: string): ZoomFlow {
  return method === "s2s" || method === "access_token" ? method : "oauth";
}

export interface LookupOptions {
  flow?: ZoomFlow;
  /**
   * Where the code was seen. 4700 on an OAuth page means "invalid redirect";
   * in a REST answer it means "missing scope".
   */
  source?: "oauth" | "api";
}

/**
 * Look up a code a person saw or a stored code: "4700", "4,741", "124",
 * "invalid_grant", "HTTP 503", or a catalogue id. Unknown codes get the safe
 * generic entry carrying the code.
 */
export function lookupZoomCode(code: string | number, options: LookupOptions = {}): ZoomErrorEntry {
  const { flow, source = "oauth" } = options;
  const raw = String(code).trim();
  // Zoom's pages print codes with a thousands separator ("4,700").
  const compact = raw.replace(/(\d)[,.\s](?=\d{3}\b)/g, "$1");

  const http = /^HTTP\s*(\d{3})$/i.exec(compact);
  if (http?.[1]) {
    const status = Number(http[1]);
    if (status === 429)
      return buildEntry("rate_limited", { flow, zoomCode: `HTTP ${status}`, httpStatus: status });
    if (status >= 500)
      return buildEntry("zoom_unavailable", { flow, zoomCode: `HTTP ${status}`, httpStatus: status });
  }
  if (/^\d+$/.test(compact)) {
    const id =
      source === "api"
        ? (API_NUMERIC_CODES[compact] ?? OAUTH_NUMERIC_CODES[compact])
        : (OAUTH_NUMERIC_CODES[compact] ?? API_NUMERIC_CODES[compact]);
    if (id) return buildEntry(id, { flow, zoomCode: compact });
  }
  const byError = oauthErrorToId(compact, flow ?? "oauth");
  if (byError) return buildEntry(byError, { flow, zoomCode: compact });
  if (isCatalogueId(compact)) return buildEntry(compact, { flow });
  // An id stored before the catalogue folded it into another.
  if (compact === "scopes_changed") return buildEntry("missing_scope", { flow });
  return buildEntry("unknown", { flow, zoomCode: sanitizeCode(raw) });
}

/**
 * The person pressed "Decline" on Zoom's consent page. Zoom may come back with
 * `?error=access_denied` (unconfirmed) — or never come back at all, which the
 * wizard handles as an unfinished step.
 */
export function describeAccessDenied(): ZoomErrorEntry {
  return buildEntry("access_denied", { flow: "oauth", zoomCode: "access_denied" });
}
