import { stepLabel } from "@/lib/guides/progress";
import { connectAgain } from "@/lib/guides/step-buttons";
import type { ZoomErrorEntry, ZoomErrorKind, ZoomFlow } from "./error-types";
import type { EntryTemplate } from "./catalogue-template";
import { FLOW_GUIDES, NEEDS_PERSON_TEMPLATES } from "./needs-person-entries";
import { TEMPORARY_TEMPLATES } from "./temporary-entries";
import { ZOOM_PAGE_TEMPLATES } from "./zoom-page-entries";

const TEMPLATES = { ...NEEDS_PERSON_TEMPLATES, ...ZOOM_PAGE_TEMPLATES, ...TEMPORARY_TEMPLATES };

export type CatalogueId = keyof typeof TEMPLATES;
export const CATALOGUE_IDS = Object.keys(TEMPLATES) as CatalogueId[];

export function isCatalogueId(value: string): value is CatalogueId {
  return Object.hasOwn(TEMPLATES, value);
}

export interface BuildOptions {
  flow?: ZoomFlow;
  zoomCode?: string | null;
  httpStatus?: number | null;
  retryAfterSeconds?: number | null;
  /** Extra detail woven into the message (e.g. the missing scope names). */
  detail?: string | null;
  /** Only for "unknown": a 5xx-like unknown is temporary, a 4xx needs a person. */
  kind?: ZoomErrorKind;
}

export function buildEntry(id: CatalogueId, options: BuildOptions = {}): ZoomErrorEntry {
  const template: EntryTemplate = TEMPLATES[id];
  const flow = options.flow ?? "oauth";
  const wizardStep = template.steps[flow];
  const zoomCode = options.zoomCode ?? null;
  const retryAfterSeconds = options.retryAfterSeconds ?? null;
  const action = typeof template.action === "string" ? template.action : template.action[flow];
  const guide = FLOW_GUIDES[flow];
  const message = template.message({
    flow,
    step: wizardStep ? stepLabel(guide, wizardStep) : "",
    again: connectAgain(guide),
    detail: options.detail ?? null,
    code: zoomCode,
    retryAfterSeconds,
  });
  const kind = options.kind ?? template.kind;
  return {
    id,
    kind,
    // An unknown error that is temporary is simply retried, not escalated.
    action: id === "unknown" && kind === "temporary" ? "retry" : action,
    wizardStep,
    title: template.title,
    message,
    zoomCode,
    httpStatus: options.httpStatus ?? null,
    retryAfterSeconds,
  };
}
