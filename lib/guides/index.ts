import { accessTokenGuide } from "./access-token-guide";
import { oauthGuide } from "./oauth-guide";
import { s2sGuide } from "./s2s-guide";
import type { Guide, GuideMethod } from "./types";

export const GUIDES = {
  oauth: oauthGuide,
  s2s: s2sGuide,
  access_token: accessTokenGuide,
} as const satisfies Record<GuideMethod, Guide>;

/** The wizard for a credential's method; a stored method this app does not know has none. */
export function guideFor(method: GuideMethod): Guide;
export function guideFor(method: string): Guide | null;
export function guideFor(method: string): Guide | null {
  return Object.hasOwn(GUIDES, method) ? GUIDES[method as GuideMethod] : null;
}
