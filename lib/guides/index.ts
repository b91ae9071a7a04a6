import { oauthGuide } from "./oauth-guide";
import type { Guide } from "./types";

const guides: Partial<Record<string, Guide>> = { oauth: oauthGuide };

/** The wizard for a credential's method, or null when it has none yet. */
export function guideFor(method: string): Guide | null {
  return guides[method] ?? null;
}
