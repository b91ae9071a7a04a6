import { defineGuide } from "./define-guide";

/** The legacy JWT app's access token — the seed documents' second path, with Zoom's retirement made plain. */
export const accessTokenGuide = defineGuide({
  method: "access_token",
  title: "Connect with an access token (legacy)",
  steps: [
    {
      key: "jwt-notice",
      kind: "jwt-notice",
      title: "Before you start: JWT apps were retired",
      summary: "Zoom retired JWT apps in September 2023. Server-to-Server OAuth replaces them.",
      instructions: [
        {
          text: "Zoom stopped creating JWT apps on 1 June 2023 and switched off existing ones from 8 September 2023.",
        },
        {
          text: "Tokens from JWT apps no longer work with Zoom. Server-to-Server OAuth does the same job and keeps working.",
        },
        {
          text: "If you still have a token you want to try, you can go on: the app reads it, tells you what it is and tests it.",
        },
      ],
      illustration: {
        src: "/illustrations/jwt-1-retired.svg",
        alt: "A retired JWT app card, with an arrow to a Server-to-Server OAuth app card.",
      },
    },
    {
      key: "jwt-marketplace",
      kind: "info",
      title: "Open your JWT app",
      summary: "In the Zoom App Marketplace, open the app the token comes from.",
      link: { href: "https://marketplace.zoom.us/", label: "Open the Zoom App Marketplace" },
      instructions: [
        { text: "Sign in to the Zoom App Marketplace." },
        { text: "Open Manage (or Develop → Created apps) and choose your JWT app." },
      ],
    },
    {
      key: "jwt-token",
      kind: "info",
      title: "Find the token",
      summary: "The token is on the app’s App Credentials page.",
      instructions: [
        { text: "Open App Credentials and find JWT Token." },
        { text: "Press View JWT Token and choose an expiration time." },
        { text: "Copy the token with its copy button." },
      ],
      illustration: {
        src: "/illustrations/jwt-2-token.svg",
        alt: "App Credentials with View JWT Token, the expiration choice and the copy button highlighted.",
      },
    },
    {
      key: "jwt-paste",
      kind: "token-paste",
      title: "Paste the access token",
      summary: "The app reads the token here, without sending it anywhere, and tells you what it is.",
      instructions: [{ text: "Paste the whole token into “Access token” and press Next." }],
      notes: ["The token is encrypted as soon as you press Next, and never shown again."],
    },
    {
      key: "jwt-test",
      kind: "token-test",
      title: "Test the token",
      summary: "The app asks Zoom who the token belongs to.",
      instructions: [
        {
          text: "Press Test connection. If Zoom accepts the token, the credential is saved as connected, with its expiry.",
        },
      ],
    },
    {
      key: "done",
      kind: "done",
      title: "Connected",
      summary: "The token works. The app warns before it expires.",
      instructions: [],
    },
  ],
  reconnectStep: "jwt-paste",
});
