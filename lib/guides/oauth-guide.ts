import { defineGuide } from "./define-guide";

/** The OAuth (General app, User-managed) wizard, as today's Marketplace shows it: open it, build the app, paste its redirect URL and keys, pick scopes, connect. */
export const oauthGuide = defineGuide({
  method: "oauth",
  title: "Connect with OAuth",
  steps: [
    {
      key: "marketplace",
      kind: "info",
      title: "Open the Zoom App Marketplace",
      summary: "Sign in to the Zoom App Marketplace and start building an app.",
      link: { href: "https://marketplace.zoom.us/", label: "Open the Zoom App Marketplace" },
      instructions: [
        { text: "Open the Zoom App Marketplace in a new tab and sign in with your Zoom account." },
        { text: "In the top right, open Develop and choose Build App." },
        {
          text: "Who can do this: a Zoom account owner or admin, or someone with the “Zoom for developers” role.",
          detail: "If Build App is missing, ask your Zoom account admin to give you that role.",
        },
        {
          text: "Use an app that belongs to your own organisation.",
          detail:
            "Zoom’s terms do not allow sharing a Client ID and Client Secret with another company’s service.",
        },
      ],
      illustration: {
        src: "/illustrations/oauth-1-marketplace.svg",
        alt: "The Marketplace top bar with the Develop menu open and Build App highlighted.",
      },
    },
    {
      key: "app-type",
      kind: "info",
      title: "Choose General app, User-managed",
      summary: "Create a General app that each person authorizes for their own Zoom data.",
      instructions: [
        { text: "In “Create an app”, choose General app and press Create." },
        { text: "On Basic Info, under “Select how the app is managed”, choose User-managed." },
        { text: "Give the app a name you will recognise, for example “Our Zoom connection”." },
      ],
      notes: [
        "Older screens called this a “User-managed app” (OAuth) and had a switch “Would you like to publish this app on Zoom App Marketplace?” — leave that switch off.",
      ],
      illustration: {
        src: "/illustrations/oauth-2-app-type.svg",
        alt: "The Create an app dialog with General app selected, and User-managed chosen under how the app is managed.",
      },
    },
    {
      key: "redirect",
      kind: "copy-urls",
      title: "Copy the redirect URL into Zoom",
      summary: "Tell Zoom where to send people back after they allow access.",
      instructions: [
        {
          text: "On Basic Info, stay in the Development view and find the section OAuth Information.",
          detail:
            "Zoom keeps a separate OAuth Redirect URL and OAuth Allow List for Development and for Production. Fill in the view whose keys you paste on {step:credentials}: Development, for an app used in your own Zoom account.",
        },
        { text: "Paste the OAuth Redirect URL below into Zoom’s “OAuth Redirect URL” field." },
        {
          text: "Paste the OAuth Allow List URL below into Zoom’s “OAuth Allow Lists” and add it. It is the same address.",
        },
        { text: "Save in Zoom. Both fields must hold exactly this address, or Zoom shows error 4700." },
      ],
      notes: ["Older screens called these “Redirect URL for OAuth” and “Add Allow Lists”."],
      illustration: {
        src: "/illustrations/oauth-3-redirect.svg",
        alt: "The OAuth Information section with the OAuth Redirect URL and OAuth Allow Lists fields highlighted.",
      },
    },
    {
      key: "credentials",
      kind: "client-credentials",
      title: "Paste the Client ID and Client Secret",
      summary: "Copy your app’s two keys from Zoom and paste them here.",
      instructions: [
        { text: "On Basic Info, find App Credentials." },
        {
          text: "Zoom shows a Development and a Production pair: use the Development pair.",
          detail:
            "An app used in your own Zoom account (not published on the Marketplace) works only with its Development keys. The Production pair is for a published app.",
        },
        {
          text: "Copy the Client ID and the Client Secret from the same view, paste them below, and say which pair you pasted.",
          detail:
            "The redirect URL from {step:redirect} must be in that same view (Development or Production) as the keys.",
        },
      ],
      notes: [
        "The secret is encrypted as soon as you press Next, and never shown again — only replaced.",
        "Not the public Client ID (shown with “Use Public Client OAuth”): it has no secret and does not work here.",
      ],
      illustration: {
        src: "/illustrations/oauth-4-credentials.svg",
        alt: "The App Credentials block with the copy buttons of Client ID and Client Secret highlighted.",
      },
    },
    {
      key: "scopes",
      kind: "scopes",
      title: "Choose what the connection may do",
      summary: "Pick the permissions you need, then add the same scopes in Zoom.",
      instructions: [
        {
          text: "Tick what your automations need. Reading the profile is always on: the app uses it to test the connection.",
        },
        {
          text: "In Zoom, open the Scopes page of your app, press Add Scopes and add each scope name shown.",
        },
        { text: "Save in Zoom, then press Next here." },
      ],
      notes: [
        "Older Zoom apps show classic names (for example meeting:read); they are listed next to each choice.",
      ],
      illustration: {
        src: "/illustrations/oauth-5-scopes.svg",
        alt: "The Scopes page with the Add Scopes button highlighted and scope names listed.",
      },
    },
    {
      key: "connect",
      kind: "connect",
      title: "Connect to Zoom",
      summary: "Sign in to Zoom and allow access; Zoom then sends you back here.",
      instructions: [
        { text: "Press Connect to Zoom. Zoom opens in this tab." },
        { text: "Sign in as the Zoom user this credential should act for, and press Allow." },
        { text: "You come back here when it is done." },
      ],
      notes: [
        "If Zoom shows error 4700 (invalid redirect), the redirect URL from {step:redirect} is missing from the OAuth Redirect URL or the OAuth Allow Lists.",
        "Zoom keeps only the newest connection of a Zoom user to an app: connecting the same person again stops the older connection.",
      ],
      illustration: {
        src: "/illustrations/oauth-6-connect.svg",
        alt: "Zoom's consent screen with the Allow button highlighted.",
      },
    },
    {
      key: "done",
      kind: "done",
      title: "Connected",
      summary: "Your Zoom account is connected and kept working.",
      instructions: [],
    },
  ],
  reconnectStep: "connect",
});
