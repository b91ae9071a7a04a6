import type { ZoomErrorEntry } from "./error-types";

/**
 * The only error the Zoom client throws. Callers branch on `entry.kind` /
 * `entry.id` and show `entry.message`; the JavaScript message is for logs and
 * deliberately carries no Zoom response body (a body can hold tokens).
 */
export class ZoomError extends Error {
  readonly entry: ZoomErrorEntry;

  constructor(entry: ZoomErrorEntry, options?: { cause?: unknown }) {
    super(`Zoom: ${entry.title} [${entry.id}${entry.zoomCode ? ` ${entry.zoomCode}` : ""}]`, options);
    this.name = "ZoomError";
    this.entry = entry;
  }

  get kind(): ZoomErrorEntry["kind"] {
    return this.entry.kind;
  }
}

export function isZoomError(value: unknown): value is ZoomError {
  return value instanceof ZoomError;
}
