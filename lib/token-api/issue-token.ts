import type { AccessToken } from "@/lib/credentials/tokens/read-token";
import type { IssuedToken } from "./api-schemas";
import { comeBackAt } from "./served-token";

export type { IssuedToken } from "./api-schemas";

/** The token API's answer for a served token. */
export function issuedToken(token: AccessToken): IssuedToken {
  return {
    access_token: token.accessToken,
    token_type: "bearer",
    // Not Zoom's own expiry: the moment to fetch again, no later than the planned renewal
    // (which kills this token at Zoom). A 124 before then: fetch again with Zoom-Refused-Token.
    expires_at: comeBackAt(token).toISOString(),
    // Zoom's api_url names the account's region; api.zoom.us works for everyone.
    api_url: token.apiUrl ?? "https://api.zoom.us",
    scopes: token.scopes,
    zoom_user: { id: token.zoomUser.id, email: token.zoomUser.email, account_id: token.zoomUser.accountId },
  };
}
