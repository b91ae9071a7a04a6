import type { ServerResponse } from "node:http";
import { delay, lateResponses, lostResponses, sendHtml, sendJson } from "./http-utils";
import type { EmulatorState } from "./state";
import type { FaultTarget } from "./types";

const DEFAULT_SLOW_MS = 1500;
const GARBAGE =
  "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";

/**
 * Apply the next queued fault for this endpoint, if any. Returns true when the
 * fault fully answered (or deliberately never will); false when the normal
 * handler should still run (slow, slow_answer, lost).
 */
export async function applyFault(
  state: EmulatorState,
  target: FaultTarget,
  res: ServerResponse,
  /** The app the call is for (resolved from any of its client ids), null when unknown. */
  appKey: string | null,
): Promise<boolean> {
  const fault = state.takeFault(target, appKey);
  if (!fault) return false;
  const html = target === "authorize";
  switch (fault.kind) {
    case "500":
      if (html) sendHtml(res, 500, "<h1>Internal Server Error</h1>");
      else sendJson(res, 500, { code: 500, message: "Internal Server Error" });
      return true;
    case "429": {
      const headers = { "retry-after": String(fault.retryAfterSeconds ?? 1) };
      if (html) sendHtml(res, 429, "<h1>Too Many Requests</h1>", headers);
      else
        sendJson(
          res,
          429,
          {
            code: 429,
            message: "You have reached the maximum per-second rate limit for this API. Try again later.",
          },
          headers,
        );
      return true;
    }
    case "slow":
      await delay(fault.delayMs ?? DEFAULT_SLOW_MS);
      return false;
    case "slow_answer":
      // Zoom does the work at once (a refresh rotates!) and the answer takes its time.
      lateResponses.set(res, fault.delayMs ?? DEFAULT_SLOW_MS);
      return false;
    case "timeout":
      // Hold the request open with no answer; released on reset or close.
      state.hanging.set(res, appKey);
      res.on("close", () => state.hanging.delete(res));
      return true;
    case "garbage":
      // A proxy's error page with a 200: the status alone must not be trusted.
      sendHtml(res, 200, GARBAGE);
      return true;
    case "lost":
      // Zoom does the work (a refresh rotates!) but the answer never arrives.
      lostResponses.add(res);
      return false;
  }
}
