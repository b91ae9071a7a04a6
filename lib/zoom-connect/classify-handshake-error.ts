/**
 * A handshake that failed before our Zoom client was called and without
 * `error=access_denied`: the browser came back without the state/PKCE
 * cookies (another host name than APP_URL, or an old tab).
 */
export const HANDSHAKE_LOST_MESSAGE =
  "The connection did not finish: your browser came back from Zoom without this app’s sign-in cookies. " +
  "Open the app at its own address (APP_URL) — not another host name for it — and press Connect to Zoom again.";

/** Zoom said yes, and the app could not store the connection (its database did not answer in time). */
export const HANDSHAKE_NOT_SAVED_MESSAGE =
  "Zoom said yes, but the app could not save the connection just now. Press Connect to Zoom again; " +
  "if it happens again, ask the person who runs this app to look at its log.";
