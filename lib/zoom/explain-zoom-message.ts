// "Zoom showed me an error": what a person typed or pasted from a Zoom page
// (a code such as "4700", or the page's words) → the catalogue's entry.
// Pure and total: any input, however odd, gets an answer and never a throw.
import { buildEntry, type CatalogueId } from "./catalogue-entries";
import { scopeDetail } from "./classify-error";
import type { ZoomErrorEntry } from "./error-types";
import { lookupZoomCode } from "./error-catalogue";
import type { ZoomFlow } from "./error-types";
import { ZOOM_ERROR_HELP_URL } from "./zoom-page-entries";
import { MISSING_SCOPE_TEXT } from "./zoom-codes";

export interface ZoomMessageExplanation {
  /** False when the catalogue does not know it: the entry then says "We don't know this one". */
  recognised: boolean;
  entry: ZoomErrorEntry;
  /** Zoom's own list of OAuth errors, always offered. */
  helpUrl: string;
}

// Pasted pages can be long; the words that matter are near the top.
const MAX_INPUT = 2000;

// The words on Zoom's pages, most specific first (the scope text also names "access token").
const PHRASES: ReadonlyArray<readonly [RegExp, CatalogueId]> = [
  [MISSING_SCOPE_TEXT, "missing_scope"],
  [/can\s*(?:not|'t)\s+authori[sz]e\s+(?:the|this)\s+app/i, "cannot_authorize_app"],
  [/account\s+admin\s+is\s+required\s+to\s+install/i, "admin_required"],
  [/pre-?\s*approv/i, "pre_approval_required"],
  [/invalid\s+redirect/i, "invalid_redirect"],
  [/redirect[\s_]*ur[il]\s+mismatch/i, "redirect_mismatch"],
  [/app\s+(?:has\s+been|is)\s+disabled/i, "app_disabled"],
  [/invalid\s+client(?:[\s_]*(?:id|secret))?\b/i, "invalid_client"],
  [/access[\s_]denied|you\s+declined/i, "access_denied"],
  [/invalid\s+access\s+token/i, "invalid_access_token"],
  [/invalid\s+token/i, "invalid_grant"],
];

// A code inside page text: "(4,700)", "Error 4700", "error code: 4711", "code 104".
const CODE_IN_TEXT = /(?:\(\s*|\berror(?:\s+code)?\s*:?\s*|\bcode\s*:?\s*)(\d{1,2}[,.]?\d{3}|\d{3})\b/i;
// A bare code or error name, as someone might type it: "4700", "4,700", "invalid_grant".
const BARE_CODE = /^[\w ,.:-]{1,40}$/;

function normalise(input: unknown): string {
  const text = typeof input === "string" ? input : typeof input === "number" ? String(input) : "";
  return text
    .slice(0, MAX_INPUT)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

function known(entry: ZoomErrorEntry): ZoomMessageExplanation | null {
  return entry.id === "unknown" ? null : { recognised: true, entry, helpUrl: ZOOM_ERROR_HELP_URL };
}

export function explainZoomMessage(
  input: unknown,
  options: { flow?: ZoomFlow } = {},
): ZoomMessageExplanation {
  const { flow } = options;
  const text = normalise(input);
  try {
    if (text) {
      for (const [pattern, id] of PHRASES) {
        if (!pattern.test(text)) continue;
        const code = CODE_IN_TEXT.exec(text)?.[1]?.replace(/[,.]/g, "") ?? null;
        const detail = id === "missing_scope" ? scopeDetail(text) : null;
        return {
          recognised: true,
          entry: buildEntry(id, { flow, zoomCode: code, detail }),
          helpUrl: ZOOM_ERROR_HELP_URL,
        };
      }
      const bare = BARE_CODE.test(text) ? known(lookupZoomCode(text, { flow })) : null;
      if (bare) return bare;
      const inText = CODE_IN_TEXT.exec(text)?.[1];
      const fromText = inText ? known(lookupZoomCode(inText, { flow })) : null;
      if (fromText) return fromText;
    }
  } catch {
    // Never let odd input break the page that shows the answer.
  }
  return { recognised: false, entry: buildEntry("not_recognised", { flow }), helpUrl: ZOOM_ERROR_HELP_URL };
}
