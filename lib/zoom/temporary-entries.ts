import type { EntryTemplate } from "./catalogue-template";

// Temporary errors never point at a wizard step: the person has nothing to fix,
// the stored credential stays exactly as it is and the app tries again.
const NO_STEP = { oauth: null, s2s: null, access_token: null } as const;
const NOTHING_LOST =
  "Nothing was changed or lost; the app will try again shortly. You don't need to do anything.";

export const TEMPORARY_TEMPLATES = {
  rate_limited: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Zoom asked us to slow down",
    message: (c) =>
      `Zoom is receiving too many requests from your Zoom account right now. Nothing was changed or lost; the app will try again ${
        c.retryAfterSeconds !== null ? `in about ${c.retryAfterSeconds} seconds` : "in a moment"
      }. You don't need to do anything.`,
  },
  zoom_unavailable: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Zoom is having trouble",
    message: () => `Zoom is having trouble right now (the problem is on Zoom's side). ${NOTHING_LOST}`,
  },
  timeout: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Zoom did not answer in time",
    message: () => `Zoom did not answer in time. ${NOTHING_LOST}`,
  },
  connection_failed: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Could not reach Zoom",
    message: () =>
      `The app could not reach Zoom. ${NOTHING_LOST} If this keeps happening, ask your administrator to check the server's internet connection.`,
  },
  invalid_response: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Zoom's answer was unreadable",
    message: () => `Zoom sent back something that was not a proper answer. ${NOTHING_LOST}`,
  },
  incomplete_response: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Zoom's answer was incomplete",
    message: () => `Zoom's answer was missing information, so it was not used. ${NOTHING_LOST}`,
  },
  aborted: {
    kind: "temporary",
    action: "retry",
    steps: NO_STEP,
    title: "Request stopped",
    message: () => `The request to Zoom was stopped before it finished. Nothing was changed; try again.`,
  },
} satisfies Record<string, EntryTemplate>;
