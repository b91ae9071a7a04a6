import type { CatalogueId } from "./catalogue-entries";
import type { ZoomFlow } from "./error-types";

// Numeric codes Zoom shows on its OAuth pages and in some token responses.
export const OAUTH_NUMERIC_CODES: Readonly<Record<string, CatalogueId>> = {
  "4700": "invalid_redirect",
  "4702": "invalid_client",
  "4704": "invalid_client",
  "4705": "unsupported_grant_type",
  "4706": "client_credentials_missing",
  "4709": "redirect_mismatch",
  // "Refresh token invalid: token scopes do not match client scopes". Pressing
  // Connect again never adds a scope, so the words send the person to Scopes.
  "4711": "missing_scope",
  "4717": "app_disabled",
  "4733": "code_expired",
  "4734": "invalid_code",
  "4735": "token_owner_gone",
  "4738": "token_disabled_by_admin",
  "4741": "token_replaced",
};

// REST API codes. 4700 means something else here than on the OAuth pages.
// Missing scopes have been seen as 4700, 4711 and 104 (docs/zoom-behaviour.md).
export const API_NUMERIC_CODES: Readonly<Record<string, CatalogueId>> = {
  "124": "invalid_access_token",
  "104": "missing_scope",
  "4700": "missing_scope",
  "4711": "missing_scope",
  "1001": "user_not_found",
  "429": "rate_limited",
};

export function oauthErrorToId(error: string, flow: ZoomFlow): CatalogueId | null {
  switch (error) {
    case "invalid_client":
      return "invalid_client";
    case "invalid_grant":
      return "invalid_grant";
    case "invalid_request":
      // In the Server-to-Server grant the only thing the person supplies besides
      // the client credentials is the Account ID, so that is what is wrong.
      return flow === "s2s" ? "invalid_account_id" : "invalid_request";
    case "unsupported_grant_type":
    case "unauthorized_client":
      return "unsupported_grant_type";
    case "access_denied":
      return "access_denied";
    case "invalid_scope":
      return "missing_scope";
    default:
      return null;
  }
}

/** Zoom's words for a missing scope, under whichever code: "does not contain scopes:[…]". */
export const MISSING_SCOPE_TEXT = /does\s*n[o']t\s+contains?\s+scopes?/i;

// Zoom's `reason` is free text; these patterns refine `error` where the text
// says more than the error name does. Order matters: most specific first.
const REASON_PATTERNS: ReadonlyArray<readonly [RegExp, CatalogueId]> = [
  [MISSING_SCOPE_TEXT, "missing_scope"],
  [/activat/i, "app_not_activated"],
  [/token.*disabled|disabled by (the |an )?admin/i, "token_disabled_by_admin"],
  [/disabled/i, "app_disabled"],
  [/scopes?\b.*\b(do not|don't|does not|not) match/i, "missing_scope"],
  [/owner.*(not exist|no longer)/i, "token_owner_gone"],
  [/newer authori[sz]ation/i, "token_replaced"],
  [/code.?verifier|pkce/i, "invalid_code"],
  [/code.*expired|expired.*code/i, "code_expired"],
  [/authori[sz]ation code|invalid code/i, "invalid_code"],
  [/redirect/i, "redirect_mismatch"],
  [/account.?id/i, "invalid_account_id"],
];

export function reasonToId(reason: string): CatalogueId | null {
  for (const [pattern, id] of REASON_PATTERNS) {
    if (pattern.test(reason)) return id;
  }
  return null;
}

/** Codes come from outside: keep them short and printable before showing them. */
export function sanitizeCode(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value)
    .replace(/[^\w .:,/-]/g, "")
    .trim()
    .slice(0, 64);
  return text.length > 0 ? text : null;
}
