import type { ZoomAppPair } from "./find-zoom-app";

export const pairLabels: Record<ZoomAppPair, string> = {
  development: "Development",
  production: "Production",
};

export function kindLabels(kind: string): string {
  return kind === "s2s" ? "Server-to-Server OAuth app" : "General app (User-managed, OAuth)";
}

/** Zoom's rule for unpublished apps, in the one sentence the app's page, the member screen and the link page show. */
export const UNPUBLISHED_APP_SENTENCE =
  "An unpublished Zoom app works only for users of the Zoom account it was built in; anyone else sees Zoom’s “You cannot authorize the app” page.";
