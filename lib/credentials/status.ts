export const CREDENTIAL_STATUSES = [
  "draft",
  "connected",
  "expiring_soon",
  "needs_reconnect",
  "revoked",
  "error",
] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export const statusLabels: Record<CredentialStatus, string> = {
  draft: "Draft",
  connected: "Connected",
  expiring_soon: "Expiring soon",
  needs_reconnect: "Needs reconnect",
  revoked: "Revoked",
  error: "Error",
};

export const methodLabels = {
  oauth: "OAuth",
  s2s: "Server-to-Server OAuth",
  access_token: "Access token (legacy)",
} as const;

export function asStatus(value: string): CredentialStatus {
  return (CREDENTIAL_STATUSES as readonly string[]).includes(value) ? (value as CredentialStatus) : "error";
}

/**
 * A live connection: its tokens are handed out and renewed, and only these
 * may be revoked at Zoom (revoking a replaced or dead one would uninstall
 * the app for a user whose other connection is live).
 */
export const LIVE_STATUSES = ["connected", "expiring_soon", "error"] as const;
export const isLive = (status: string): boolean => (LIVE_STATUSES as readonly string[]).includes(status);
