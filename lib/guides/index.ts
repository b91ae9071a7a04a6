import { accessTokenGuide } from "./access-token-guide";
import { oauthGuide } from "./oauth-guide";
import { s2sGuide } from "./s2s-guide";
import type { Guide } from "./types";

const guides: Partial<Record<string, Guide>> = {
  oauth: oauthGuide,
  s2s: s2sGuide,
  access_token: accessTokenGuide,
};

/** The wizard for a credential's method, or null when it has none yet. */
export function guideFor(method: string): Guide | null {
  return guides[method] ?? null;
}
