/**
 * What people are told about, declared once: the webhook's event type, the
 * email's subject and the one thing to do follow from here.
 */
export const NOTIFICATION_KINDS = {
  needs_reconnect: {
    type: "connection.needs_reconnect",
    subject: (name: string) => `“${name}” needs to be reconnected`,
    todo: "Open the connection and press Reconnect.",
  },
  recovered: {
    type: "connection.recovered",
    subject: (name: string) => `“${name}” works again`,
    todo: "Nothing to do: the connection works again.",
  },
  expiring_soon: {
    type: "connection.expiring_soon",
    subject: (name: string) => `“${name}” expires soon`,
    todo: "Open the connection and reconnect it before it expires.",
  },
  removed_in_zoom: {
    type: "connection.removed_in_zoom",
    subject: (name: string) => `“${name}” was removed in Zoom`,
    todo: "Open the connection and connect it again if it is still needed.",
  },
  zoom_unreachable: {
    type: "connection.zoom_unreachable",
    subject: (name: string) => `“${name}”: Zoom has not answered for over an hour`,
    todo: "Nothing to do yet: the app keeps retrying. If it goes on, check Zoom's status page.",
  },
  n8n_push_failed: {
    type: "connection.n8n_push_failed",
    subject: (name: string) => `“${name}”: n8n did not take the new token`,
    todo: "Open the connection: its n8n section says what n8n answered and what to do. Until then the Zoom node in n8n may fail.",
  },
  n8n_push_recovered: {
    type: "connection.n8n_push_recovered",
    subject: (name: string) => `“${name}”: n8n has the current token again`,
    todo: "Nothing to do: n8n's Zoom node works with this connection again.",
  },
  test: {
    type: "test",
    subject: () => "Test event",
    todo: "Nothing to do: this is a test.",
  },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** Problems that a later "recovered" closes. */
export const PROBLEM_KINDS: readonly NotificationKind[] = [
  "needs_reconnect",
  "expiring_soon",
  "removed_in_zoom",
  "zoom_unreachable",
];

/** Pushing a token to n8n (lib/n8n) has its own loop: the connection itself may be fine. */
export const N8N_KINDS: readonly NotificationKind[] = ["n8n_push_failed", "n8n_push_recovered"];

/** Zoom unreachable is said only once renewals have failed this long. */
export const UNREACHABLE_AFTER_MS = 60 * 60_000;

/** The facts stored with an event (JSON in NotificationEvent.details). */
export type EventDetails = {
  credentialName: string;
  /** the reason in plain words (the credential's error note) */
  reason?: string | null;
  /** the credential's version when the change happened */
  version?: number;
};

export function parseDetails(json: string): EventDetails {
  try {
    const value = JSON.parse(json) as Partial<EventDetails>;
    return {
      credentialName: typeof value.credentialName === "string" ? value.credentialName : "A connection",
      reason: typeof value.reason === "string" ? value.reason : null,
      ...(typeof value.version === "number" ? { version: value.version } : {}),
    };
  } catch {
    return { credentialName: "A connection" };
  }
}
