/** Every action the audit log knows, with how it reads in the log. */
export const AUDIT_ACTIONS = {
  "workspace.created": "created the workspace",
  "member.invited": "invited someone",
  "member.joined": "joined the workspace",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "invite.revoked": "revoked an invite",
  "credential.created": "created a credential",
  "credential.connected": "connected a Zoom account",
  "credential.reconnected": "reconnected a Zoom account",
  "credential.tested": "tested a connection",
  "credential.refreshed": "refreshed a token",
  "credential.refresh_failed": "a token refresh failed",
  "credential.renamed": "renamed a credential",
  "credential.secret_replaced": "replaced a Client Secret",
  "credential.disconnected": "disconnected a credential",
  "credential.deleted": "deleted a credential",
  "credential.token_fetched": "fetched a token through the API",
  "credential.removed_in_zoom": "Zoom said the app was removed from a Zoom account",
  "zoom_app.event_token_saved": "saved a Zoom app's event Secret Token",
  "api_key.created": "created an API key",
  "api_key.revoked": "revoked an API key",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
