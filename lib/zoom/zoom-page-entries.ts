// Failures Zoom shows only on its own pages: the app never hears of them, so
// these entries are reached from what the person tells us Zoom showed.
import type { EntryTemplate } from "./catalogue-template";
import { CONNECT } from "./needs-person-entries";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { stepLabel } from "@/lib/guides/progress";

/** Zoom's own list of OAuth errors, for anything the catalogue does not know. */
export const ZOOM_ERROR_HELP_URL = "https://developers.zoom.us/docs/integrations/oauth-error-messages/";

export const ZOOM_PAGE_TEMPLATES = {
  cannot_authorize_app: {
    kind: "needs_person",
    action: "reconnect",
    steps: CONNECT,
    title: "Zoom: You cannot authorize the app",
    message: (c) =>
      `Zoom showed "You cannot authorize the app": this app is not published, so only users of the Zoom account it was built in can connect it. Sign in to Zoom as a user of that account (sign out of Zoom first if the browser is signed in as someone else), then ${c.again}. To connect a user of another Zoom account, build the app in that account.`,
  },
  admin_required: {
    kind: "needs_person",
    action: { oauth: "fix_client_id", s2s: "contact_admin", access_token: "contact_admin" },
    steps: { oauth: "app-type", s2s: null, access_token: null },
    title: "Zoom: An account admin is required",
    message: (c) =>
      c.flow === "oauth"
        ? `Zoom showed "An account admin is required to install this type of app": the app was built as Admin-managed, which only a Zoom account admin can install. Build a General app that is User-managed (${c.step}) and paste its keys on ${stepLabel(oauthGuide, "credentials")}, or ask a Zoom account admin to connect it.`
        : `Zoom showed "An account admin is required to install this type of app". Ask a Zoom account admin (or the account owner) to set up the app.`,
  },
  pre_approval_required: {
    kind: "needs_person",
    action: "contact_admin",
    steps: CONNECT,
    title: "Zoom: pre-approval required",
    message: (c) =>
      `Your Zoom account requires apps to be pre-approved by an admin. Ask your Zoom account admin to pre-approve this app in the Zoom App Marketplace (Manage → Permissions, or App Requests), then ${c.again}.`,
  },
  not_recognised: {
    kind: "needs_person",
    action: "none",
    steps: { oauth: null, s2s: null, access_token: null },
    title: "We don't know this one",
    message: () =>
      `We don't know this one. Zoom's list of OAuth errors may explain it: ${ZOOM_ERROR_HELP_URL}. If it does not, give the exact words Zoom showed to whoever looks after your Zoom account.`,
  },
} satisfies Record<string, EntryTemplate>;
