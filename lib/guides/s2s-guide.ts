import { defineGuide } from "./define-guide";

/** Server-to-Server OAuth — Zoom's replacement for JWT apps: one app for a whole Zoom account. */
export const s2sGuide = defineGuide({
  method: "s2s",
  title: "Connect with Server-to-Server OAuth",
  steps: [
    {
      key: "s2s-marketplace",
      kind: "info",
      title: "Create a Server-to-Server OAuth app",
      summary: "In the Zoom App Marketplace, build a Server-to-Server OAuth app.",
      link: { href: "https://marketplace.zoom.us/", label: "Open the Zoom App Marketplace" },
      instructions: [
        { text: "Open the Zoom App Marketplace in a new tab and sign in." },
        { text: "Open Develop, choose Build App, then Server-to-Server OAuth App, and press Create." },
        {
          text: "Give the app a name, for example “Our automations”.",
          detail: "You need to be a Zoom account admin, or have the “Server-to-Server OAuth app” permission.",
        },
        {
          text: "Use an app of your own organisation.",
          detail: "Zoom’s terms do not allow sharing its keys with another company’s service.",
        },
      ],
      illustration: {
        src: "/illustrations/s2s-1-marketplace.svg",
        alt: "The Create an app dialog with Server-to-Server OAuth App selected.",
      },
    },
    {
      key: "s2s-credentials",
      kind: "s2s-credentials",
      title: "Paste the Account ID, Client ID and Client Secret",
      summary: "Copy the three values from App Credentials and paste them here.",
      instructions: [
        { text: "Zoom opens the app on App Credentials: it shows Account ID, Client ID and Client Secret." },
        { text: "Copy each one with its copy button and paste it below." },
      ],
      notes: ["The secret is encrypted as soon as you press Next, and never shown again — only replaced."],
      illustration: {
        src: "/illustrations/s2s-2-credentials.svg",
        alt: "App Credentials with the copy buttons of Account ID, Client ID and Client Secret highlighted.",
      },
    },
    {
      key: "s2s-information",
      kind: "info",
      title: "Fill in the app’s Information",
      summary: "Zoom needs a few details before the app can be activated.",
      instructions: [
        {
          text: "Open Information and fill in the app name, your company name, and a developer contact name and email.",
        },
        { text: "Press Continue in Zoom." },
      ],
      illustration: {
        src: "/illustrations/s2s-3-information.svg",
        alt: "The Information form with app name, company name, developer name and email.",
      },
    },
    {
      key: "s2s-scopes",
      kind: "info",
      title: "Add scopes",
      summary: "Choose what the app may do in your Zoom account.",
      instructions: [
        { text: "Open Scopes and press Add Scopes." },
        { text: "Add user:read:user:admin — always needed: the app tests the connection with it." },
        {
          text: "Add what your automations need, for example meeting:read:list_meetings:admin or meeting:write:meeting:admin.",
        },
      ],
      illustration: {
        src: "/illustrations/s2s-4-scopes.svg",
        alt: "The Scopes page with the Add Scopes button highlighted.",
      },
    },
    {
      key: "s2s-activate",
      kind: "info",
      title: "Activate the app",
      summary: "A Server-to-Server app works only once it is activated.",
      instructions: [
        { text: "Open Activation and press “Activate your app”." },
        { text: "Zoom shows that the app is activated. Come back here and press Next." },
      ],
      illustration: {
        src: "/illustrations/s2s-5-activate.svg",
        alt: "The Activation page with the Activate your app button highlighted.",
      },
    },
    {
      key: "s2s-connect",
      kind: "s2s-connect",
      title: "Connect to Zoom",
      summary: "The app asks Zoom for a token and checks who it acts as.",
      instructions: [
        {
          text: "Press Connect to Zoom. Nothing opens: the app talks to Zoom directly and shows the result.",
        },
      ],
    },
    {
      key: "done",
      kind: "done",
      title: "Connected",
      summary: "The Server-to-Server app is connected. Tokens are fetched when needed.",
      instructions: [],
    },
  ],
  reconnectStep: "s2s-connect",
});
