import { oauthGuide } from "@/lib/guides/oauth-guide";
import { stepLabel } from "@/lib/guides/progress";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import type { EntryTemplate, MessageContext } from "./catalogue-template";
import type { OAuthStepKey, S2SStepKey } from "./error-types";

/**
 * Which wizard's numbers a message uses. Step keys in this file are typed
 * against these guides, so renaming a step breaks the build, and adding one
 * renumbers every message.
 */
export const FLOW_GUIDES = { oauth: oauthGuide, s2s: s2sGuide } as const;
type FlowSteps = { oauth: OAuthStepKey | null; s2s: S2SStepKey | null };

export const CONNECT = { oauth: "connect", s2s: "s2s-connect" } as const satisfies FlowSteps;
const CREDENTIALS = { oauth: "credentials", s2s: "s2s-credentials" } as const satisfies FlowSteps;
const REDIRECT = { oauth: "redirect", s2s: null } as const satisfies FlowSteps;

// Reconnecting means pressing a button in the OAuth wizard but only re-testing in
// the Server-to-Server one (there is nothing for the person to approve there).
export const again = (c: MessageContext): string =>
  c.flow === "oauth" ? `press Connect to Zoom on ${c.connect}` : `test the connection again on ${c.connect}`;

export const NEEDS_PERSON_TEMPLATES = {
  invalid_client: {
    kind: "needs_person",
    action: "fix_secret",
    steps: CREDENTIALS,
    title: "Client Secret not accepted",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says the Client Secret (or the Client ID that goes with it) is wrong. The most common cause is a mix-up of the two pairs on App Credentials: the Development Client ID with the Production Client Secret, or the other way round. An app used in your own Zoom account uses the Development pair — copy its Client ID and Client Secret again, both from the same view, and paste them on ${c.step}. The public Client ID ("Use Public Client OAuth") has no secret and does not work here either.`
        : `Zoom says the Client Secret (or the Client ID that goes with it) is wrong. Open your Server-to-Server OAuth app's App Credentials page, copy the Client ID and Client Secret again and paste them on ${c.step}. If they are right, check that the app is activated.`,
  },
  client_credentials_missing: {
    kind: "needs_person",
    action: "fix_client_id",
    steps: CREDENTIALS,
    title: "Client ID or Client Secret missing",
    message: (c) =>
      `Zoom received no Client ID or Client Secret. Copy both from your app's App Credentials page and paste them on ${c.step}.`,
  },
  invalid_account_id: {
    kind: "needs_person",
    action: "fix_account_id",
    steps: { oauth: null, s2s: "s2s-credentials" },
    title: "Account ID not accepted",
    message: () =>
      `Zoom says the Account ID is wrong. Open your Server-to-Server OAuth app's App Credentials page, copy the Account ID again and paste it on ${stepLabel(s2sGuide, "s2s-credentials")}.`,
  },
  app_not_activated: {
    kind: "needs_person",
    action: "activate_app",
    steps: { oauth: null, s2s: "s2s-activate" },
    title: "App not activated",
    message: () =>
      `Your Server-to-Server OAuth app is not activated yet. In the Zoom App Marketplace open the app's Activation page, press Activate your app, then come back to ${stepLabel(s2sGuide, "s2s-activate")}.`,
  },
  app_disabled: {
    kind: "needs_person",
    action: { oauth: "contact_admin", s2s: "activate_app" },
    steps: { oauth: "connect", s2s: "s2s-activate" },
    title: "App disabled in Zoom",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says this app is disabled. Ask whoever manages your Zoom account to enable it in the Zoom App Marketplace, then press Connect to Zoom on ${c.step}.`
        : `Zoom says this app is switched off. Open its Activation page in the Zoom App Marketplace and activate it (${c.step}), then test the connection again.`,
  },
  unsupported_grant_type: {
    kind: "needs_person",
    action: "fix_client_id",
    steps: { oauth: "app-type", s2s: "s2s-credentials" },
    title: "Wrong kind of Zoom app",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says this app cannot connect this way. Check on ${c.step} that you built a General app that is User-managed, then paste that app's Client ID and Client Secret on ${stepLabel(oauthGuide, "credentials")}.`
        : `Zoom says this is not a Server-to-Server OAuth app. Check that you built a Server-to-Server OAuth app (${stepLabel(s2sGuide, "s2s-marketplace")}), then paste its Account ID, Client ID and Client Secret on ${c.step}.`,
  },
  invalid_redirect: {
    kind: "needs_person",
    action: "fix_redirect",
    steps: REDIRECT,
    title: "Redirect URL not set up (4700)",
    message: () =>
      `Zoom refused because the redirect address is not set up in your app. On your app's OAuth Information page, paste the OAuth Redirect URL and the OAuth Allow List URL exactly as shown on ${stepLabel(oauthGuide, "redirect")}, in the same view (Development or Production) as the Client ID you pasted — an app used in your own Zoom account uses Development. Save, then press Connect to Zoom again. Zoom may also refuse a plain http://localhost address: use http://127.0.0.1 or an https address.`,
  },
  redirect_mismatch: {
    kind: "needs_person",
    action: "fix_redirect",
    steps: REDIRECT,
    title: "Redirect URL does not match",
    message: () =>
      `Zoom says the redirect address does not match the one in your app. Check that your app's OAuth Redirect URL is exactly the one shown on ${stepLabel(oauthGuide, "redirect")}, then press Connect to Zoom on ${stepLabel(oauthGuide, "connect")}.`,
  },
  access_denied: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom access was declined",
    message: (c) =>
      `You pressed Decline on Zoom's page, so nothing was connected. Press Connect to Zoom on ${c.step} and choose Allow.`,
  },
  invalid_grant: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Connection no longer accepted",
    message: (c) =>
      `Zoom no longer accepts this connection: it was switched off in Zoom, replaced by a newer one, or ran out. To fix it, ${again(c)}.`,
  },
  invalid_code: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom sign-in code not accepted",
    message: (c) =>
      `Zoom's one-time sign-in code was already used or is too old (it lasts 5 minutes). Press Connect to Zoom on ${c.step} and finish within a few minutes.`,
  },
  code_expired: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom sign-in took too long",
    message: (c) =>
      `Zoom's one-time sign-in code ran out (it lasts 5 minutes). Press Connect to Zoom on ${c.step} and finish within a few minutes.`,
  },
  invalid_request: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom refused the request",
    message: (c) =>
      `Zoom refused the request. To try again, ${again(c)}. If it fails again, check the values you pasted on the earlier steps.`,
  },
  token_owner_gone: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom user no longer exists",
    message: (c) =>
      `The Zoom user who connected no longer exists in Zoom. Press Connect to Zoom on ${c.step} and sign in as a current Zoom user.`,
  },
  token_disabled_by_admin: {
    kind: "needs_person",
    action: "contact_admin",
    steps: CONNECT,
    title: "Switched off by a Zoom admin",
    message: (c) =>
      `A Zoom account admin switched this connection off. Ask them to allow the app again, then ${again(c)}.`,
  },
  token_replaced: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Replaced by a newer connection (4741)",
    message: (c) =>
      `This connection was replaced: the same Zoom user connected this Zoom app again, and Zoom keeps only the newest connection. Press Connect to Zoom on ${c.step} to connect again (that switches the other one off).`,
  },
  invalid_access_token: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Access no longer accepted",
    message: (c) =>
      `Zoom no longer accepts this connection's access key: it was switched off, replaced by a newer connection, or ran out. To fix it, ${again(c)}.`,
  },
  missing_scope: {
    kind: "needs_person",
    action: "add_scope",
    steps: { oauth: "scopes", s2s: "s2s-scopes" },
    title: "A scope is missing",
    // Zoom lists both names (user:read:user, user:read:user:admin) whichever
    // kind of app asked; pressing Connect alone never adds a scope.
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says the connection lacks a permission (scope)${c.detail ? ` (Zoom listed: ${c.detail})` : ""}. Add the scope user:read:user on your app's Scopes page (for a User-managed app, the name without :admin), then connect again: in the Zoom App Marketplace open the Scopes page, press Add Scopes (${c.step}), then ${again(c)}.`
        : `Zoom says the connection lacks a permission (scope)${c.detail ? ` (Zoom listed: ${c.detail})` : ""}. Add the scope user:read:user:admin on your Server-to-Server OAuth app's Scopes page (${c.step}), then ${again(c)}.`,
  },
  user_not_found: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom user not found",
    message: (c) => `Zoom says this Zoom user does not exist. To connect a current Zoom user, ${again(c)}.`,
  },
  unknown: {
    kind: "needs_person",
    action: "contact_admin",
    steps: { oauth: null, s2s: null },
    title: "Unexpected answer from Zoom",
    message: (c) =>
      `Zoom returned an error this app does not recognise${c.code ? ` (Zoom code: ${c.code})` : ""}. Try again; if it keeps happening, give this code to whoever looks after your Zoom account.`,
  },
} satisfies Record<string, EntryTemplate>;
