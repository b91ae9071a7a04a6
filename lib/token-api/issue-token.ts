import type { AccessToken } from "@/lib/credentials/tokens/read-token";

export type IssuedToken = {
  access_token: string;
  token_type: "bearer";
  expires_at: string;
  api_url: string;
  scopes: string[];
  zoom_user: { id: string | null; email: string | null; account_id: string | null };
};

/** The token API's answer for a served token. */
export function issuedToken(token: AccessToken): IssuedToken {
  return {
    access_token: token.accessToken,
    token_type: "bearer",
    expires_at: token.expiresAt.toISOString(),
    // Zoom's api_url names the account's region; api.zoom.us works for everyone.
    api_url: token.apiUrl ?? "https://api.zoom.us",
    scopes: token.scopes,
    zoom_user: { id: token.zoomUser.id, email: token.zoomUser.email, account_id: token.zoomUser.accountId },
  };
}
