import ZoomProvider from "next-auth/providers/zoom";
import { zoomEndpoints } from "@/lib/zoom/config";
import { exchangeCode } from "@/lib/zoom/exchange-code";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { isZoomError } from "@/lib/zoom/zoom-error";
import type { ZoomErrorEntry } from "@/lib/zoom/error-catalogue";

/**
 * next-auth's own Zoom provider, configured for one credential: its Client
 * ID and secret, the URLs from ZOOM_OAUTH_BASE_URL / ZOOM_API_BASE_URL, and
 * PKCE on top of state. next-auth runs the handshake (redirect, state and
 * PKCE cookies, callback); the two HTTP calls go through lib/zoom so that a
 * failure arrives as a catalogue entry (`onZoomError`), not just a message.
 */
export function zoomProviderFor(
  credential: { clientId: string; clientSecret: string },
  onZoomError: (entry: ZoomErrorEntry) => void,
) {
  const endpoints = zoomEndpoints();
  const capture = (error: unknown): never => {
    if (isZoomError(error)) onZoomError(error.entry);
    throw error;
  };
  return ZoomProvider({
    clientId: credential.clientId,
    clientSecret: credential.clientSecret,
    // The empty scope keeps openid-client from adding "openid": the Zoom app's own scopes apply.
    authorization: { url: endpoints.authorize, params: { scope: "" } },
    token: {
      url: endpoints.token,
      async request({ params, checks, provider }) {
        // openid-client would compare state itself; with our own request we must.
        if (!params.state || params.state !== checks.state) throw new Error("state_mismatch");
        const tokens = await exchangeCode({
          clientId: credential.clientId,
          clientSecret: credential.clientSecret,
          code: params.code ?? "",
          redirectUri: provider.callbackUrl,
          codeVerifier: checks.code_verifier,
        }).catch(capture);
        return {
          tokens: {
            access_token: tokens.accessToken,
            refresh_token: tokens.refreshToken ?? undefined,
            expires_at: Math.floor(tokens.expiresAt.getTime() / 1000),
            scope: tokens.scopes.join(" "),
            token_type: tokens.tokenType,
            api_url: tokens.apiUrl ?? undefined,
          },
        };
      },
    },
    userinfo: {
      url: endpoints.usersMe,
      async request({ tokens }) {
        const user = await getCurrentUser({ accessToken: tokens.access_token ?? "" }).catch(capture);
        return {
          id: user.id,
          email: user.email,
          first_name: user.firstName,
          last_name: user.lastName,
          display_name: user.displayName,
          account_id: user.accountId,
          pic_url: user.picUrl,
        };
      },
    },
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.id,
        name: [profile.first_name, profile.last_name].filter(Boolean).join(" ") || profile.email,
        email: profile.email.toLowerCase(),
        image: profile.pic_url ?? null,
      };
    },
  });
}
