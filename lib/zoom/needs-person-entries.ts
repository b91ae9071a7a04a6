import { accessTokenGuide } from "@/lib/guides/access-token-guide";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { stepLabel } from "@/lib/guides/progress";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import type { EntryTemplate, MessageContext } from "./catalogue-template";

/**
 * Which wizard's steps a message names: the guide of the wizard the person
 * is in. Step keys in this file are typed against these guides, so renaming
 * a step breaks the build, and adding one renumbers every message. A message
 * names another step of a guide only in a branch for that guide's flow
 * (catalogue-in-every-guide.test.ts walks every entry through every guide).
 */
export const FLOW_GUIDES = { oauth: oauthGuide, s2s: s2sGuide, access_token: accessTokenGuide } as const;
type FlowSteps = EntryTemplate["steps"];

// A pasted token is "connected again" by pasting a new one (the paste step).
export const CONNECT = {
  oauth: "connect",
  s2s: "s2s-connect",
  access_token: "jwt-paste",
} as const satisfies FlowSteps;
const CREDENTIALS = {
  oauth: "credentials",
  s2s: "s2s-credentials",
  access_token: "jwt-paste",
} as const satisfies FlowSteps;
const REDIRECT = { oauth: "redirect", s2s: null, access_token: null } as const satisfies FlowSteps;

export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Zoom's words about a setting the person's wizard does not have (a redirect
 * URL for a Server-to-Server app, a Client Secret for a pasted token): most
 * likely the keys or token came from another app, so say so and how to retry.
 */
export const notInThisWizard = (c: MessageContext, zoomSays: string): string =>
  `${zoomSays} This way of connecting does not use that, so check that what you pasted comes from the app you mean to connect, then ${c.again}.`;

export const NEEDS_PERSON_TEMPLATES = {
  invalid_client: {
    kind: "needs_person",
    action: "fix_secret",
    steps: CREDENTIALS,
    title: "Client Secret not accepted",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says the Client Secret (or the Client ID that goes with it) is wrong. The most common cause is a mix-up of the two pairs on App Credentials: the Development Client ID with the Production Client Secret, or the other way round. An app used in your own Zoom account uses the Development pair — copy its Client ID and Client Secret again, both from the same view, and paste them on ${c.step}. The public Client ID ("Use Public Client OAuth") has no secret and does not work here either.`
        : c.flow === "s2s"
          ? `Zoom says the Client Secret (or the Client ID that goes with it) is wrong. Open your Server-to-Server OAuth app's App Credentials page, copy the Client ID and Client Secret again and paste them on ${c.step}. If they are right, check that the app is activated.`
          : notInThisWizard(c, "Zoom says a Client ID or Client Secret is wrong."),
  },
  client_credentials_missing: {
    kind: "needs_person",
    action: "fix_client_id",
    steps: CREDENTIALS,
    title: "Client ID or Client Secret missing",
    message: (c) =>
      c.flow === "access_token"
        ? notInThisWizard(c, "Zoom received no Client ID or Client Secret.")
        : `Zoom received no Client ID or Client Secret. Copy both from your app's App Credentials page and paste them on ${c.step}.`,
  },
  invalid_account_id: {
    kind: "needs_person",
    action: "fix_account_id",
    steps: { oauth: null, s2s: "s2s-credentials", access_token: null },
    title: "Account ID not accepted",
    message: (c) =>
      c.flow === "s2s"
        ? `Zoom says the Account ID is wrong. Open your Server-to-Server OAuth app's App Credentials page, copy the Account ID again and paste it on ${c.step}.`
        : notInThisWizard(c, "Zoom says an Account ID is wrong; only Server-to-Server OAuth apps have one."),
  },
  app_not_activated: {
    kind: "needs_person",
    action: "activate_app",
    steps: { oauth: null, s2s: "s2s-activate", access_token: null },
    title: "App not activated",
    message: (c) =>
      c.flow === "s2s"
        ? `Your Server-to-Server OAuth app is not activated yet. In the Zoom App Marketplace open the app's Activation page, press Activate your app, then come back to ${c.step}.`
        : `Zoom says the app is not activated. In the Zoom App Marketplace open the app's Activation page and press Activate your app, then ${c.again}.`,
  },
  app_disabled: {
    kind: "needs_person",
    action: { oauth: "contact_admin", s2s: "activate_app", access_token: "contact_admin" },
    steps: { oauth: "connect", s2s: "s2s-activate", access_token: "jwt-paste" },
    title: "App disabled in Zoom",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says this app is disabled. Ask whoever manages your Zoom account to enable it in the Zoom App Marketplace, then ${c.again}.`
        : c.flow === "s2s"
          ? `Zoom says this app is switched off. Open its Activation page in the Zoom App Marketplace and activate it (${c.step}), then ${c.again}.`
          : `Zoom says the app this token comes from is disabled: Zoom switched off JWT apps from 8 September 2023 (${stepLabel(accessTokenGuide, "jwt-notice")}). To try a token from a working app, ${c.again}.`,
  },
  unsupported_grant_type: {
    kind: "needs_person",
    action: "fix_client_id",
    steps: { oauth: "app-type", s2s: "s2s-credentials", access_token: "jwt-paste" },
    title: "Wrong kind of Zoom app",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says this app cannot connect this way. Check on ${c.step} that you built a General app that is User-managed, then paste that app's Client ID and Client Secret on ${stepLabel(oauthGuide, "credentials")}.`
        : c.flow === "s2s"
          ? `Zoom says this is not a Server-to-Server OAuth app. Check that you built a Server-to-Server OAuth app (${stepLabel(s2sGuide, "s2s-marketplace")}), then paste its Account ID, Client ID and Client Secret on ${c.step}.`
          : notInThisWizard(c, "Zoom says this app cannot connect this way."),
  },
  invalid_redirect: {
    kind: "needs_person",
    action: "fix_redirect",
    steps: REDIRECT,
    title: "Redirect URL not set up (4700)",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom refused because the redirect address is not set up in your app. On your app's OAuth Information page, paste the OAuth Redirect URL and the OAuth Allow List URL exactly as shown on ${c.step}, in the same view (Development or Production) as the Client ID you pasted — an app used in your own Zoom account uses Development. Save, then ${c.again}. Zoom may also refuse a plain http://localhost address: use http://127.0.0.1 or an https address.`
        : notInThisWizard(
            c,
            "Zoom says a redirect address is not set up (4700); only General apps have one.",
          ),
  },
  redirect_mismatch: {
    kind: "needs_person",
    action: "fix_redirect",
    steps: REDIRECT,
    title: "Redirect URL does not match",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom says the redirect address does not match the one in your app. Check that your app's OAuth Redirect URL is exactly the one shown on ${c.step}, then ${c.again}.`
        : notInThisWizard(c, "Zoom says a redirect address does not match; only General apps have one."),
  },
  access_denied: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom access was declined",
    message: (c) =>
      c.flow === "oauth"
        ? `You pressed Decline on Zoom's page, so nothing was connected. ${sentence(c.again)} and choose Allow.`
        : `Zoom says access was declined, so nothing was connected. To try again, ${c.again}.`,
  },
  invalid_grant: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Connection no longer accepted",
    message: (c) =>
      `Zoom no longer accepts this connection: it was switched off in Zoom, replaced by a newer one, or ran out. To fix it, ${c.again}.`,
  },
  invalid_code: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom sign-in code not accepted",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom's one-time sign-in code was already used or is too old (it lasts 5 minutes). ${sentence(c.again)} and finish within a few minutes.`
        : notInThisWizard(c, "Zoom did not accept a one-time sign-in code."),
  },
  code_expired: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom sign-in took too long",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom's one-time sign-in code ran out (it lasts 5 minutes). ${sentence(c.again)} and finish within a few minutes.`
        : notInThisWizard(c, "Zoom says a one-time sign-in code ran out."),
  },
  invalid_request: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom refused the request",
    message: (c) =>
      `Zoom refused the request. To try again, ${c.again}. If it fails again, check the values you pasted on the earlier steps.`,
  },
  token_owner_gone: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom user no longer exists",
    message: (c) =>
      c.flow === "oauth"
        ? `The Zoom user who connected no longer exists in Zoom. ${sentence(c.again)} and sign in as a current Zoom user.`
        : `The Zoom user this connection acts as no longer exists in Zoom. To connect a current Zoom user, ${c.again}.`,
  },
  token_disabled_by_admin: {
    kind: "needs_person",
    action: "contact_admin",
    steps: CONNECT,
    title: "Switched off by a Zoom admin",
    message: (c) =>
      `A Zoom account admin switched this connection off. Ask them to allow the app again, then ${c.again}.`,
  },
  token_replaced: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Replaced by a newer connection (4741)",
    message: (c) =>
      c.flow === "oauth"
        ? `This connection was replaced: the same Zoom user connected this Zoom app again, and Zoom keeps only the newest connection. ${sentence(c.again)} to connect again (that switches the other one off).`
        : `This connection was replaced by a newer one, and Zoom keeps only the newest. To connect again, ${c.again}.`,
  },
  invalid_access_token: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Access no longer accepted",
    message: (c) =>
      c.flow === "access_token"
        ? `Zoom no longer accepts this access token: it ran out, or the app it comes from was switched off. To fix it, ${c.again}.`
        : `Zoom no longer accepts this connection's access key: it was switched off, replaced by a newer connection, or ran out. To fix it, ${c.again}.`,
  },
  missing_scope: {
    kind: "needs_person",
    action: "add_scope",
    steps: { oauth: "scopes", s2s: "s2s-scopes", access_token: null },
    title: "A scope is missing",
    // Zoom lists both names (user:read:user, user:read:user:admin) whichever
    // kind of app asked; pressing Connect alone never adds a scope.
    message: (c) => {
      const listed = `${c.detail ? ` (Zoom listed: ${c.detail})` : ""}`;
      if (c.flow === "oauth")
        return `Zoom says the connection lacks a permission (scope)${listed}. Add the scope user:read:user on your app's Scopes page (for a User-managed app, the name without :admin), then connect again: in the Zoom App Marketplace open the Scopes page, press Add Scopes (${c.step}), then ${c.again}.`;
      if (c.flow === "s2s")
        return `Zoom says the connection lacks a permission (scope)${listed}. Add the scope user:read:user:admin on your Server-to-Server OAuth app's Scopes page (${c.step}), then ${c.again}.`;
      return `Zoom says the token lacks a permission (scope)${listed}. A token can do only what the app it comes from may do: take a token from an app with user:read:user, then ${c.again}.`;
    },
  },
  user_not_found: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom user not found",
    message: (c) => `Zoom says this Zoom user does not exist. To connect a current Zoom user, ${c.again}.`,
  },
  unknown: {
    kind: "needs_person",
    action: "contact_admin",
    steps: { oauth: null, s2s: null, access_token: null },
    title: "Unexpected answer from Zoom",
    message: (c) =>
      `Zoom returned an error this app does not recognise${c.code ? ` (Zoom code: ${c.code})` : ""}. Try again; if it keeps happening, give this code to whoever looks after your Zoom account.`,
  },
} satisfies Record<string, EntryTemplate>;
