import { recordAuditEvent } from "@/lib/audit/record-event";
import type { ApiCaller, KeyAction } from "@/lib/api-keys/key-scope";
import type { Db } from "@/lib/db/client";

// One audit line per key, connection and kind of use every few minutes: the
// log says who fetches tokens or calls Zoom without one line per request.
const AUDIT_EVERY_MS = 5 * 60_000;
// "Last used" (which the keeper reads to renew ahead for busy connections)
// needs minutes, not milliseconds: one write a minute per credential here.
const TOUCH_EVERY_MS = 60_000;
const MAX_TRACKED = 10_000;
const lastAudited = new Map<string, number>();
const lastTouched = new Map<string, number>();

const AUDIT_ACTION = { token: "credential.token_fetched", proxy: "credential.zoom_called" } as const;

function due(seen: Map<string, number>, key: string, now: number, every: number): boolean {
  if (now - (seen.get(key) ?? 0) <= every) return false;
  if (seen.size >= MAX_TRACKED) seen.clear();
  seen.set(key, now);
  return true;
}

/**
 * Notes that a key used a credential: lastUsedAt and the audit line, each
 * throttled, written off the response path (a slow or failed write must not
 * delay or fail the node's request; a failed one is tried again next time).
 */
export function recordUse(
  db: Db,
  caller: ApiCaller,
  credentialId: string,
  action: KeyAction,
  now = new Date(),
): void {
  const at = now.getTime();
  if (due(lastTouched, credentialId, at, TOUCH_EVERY_MS))
    db.credential
      .updateMany({ where: { id: credentialId }, data: { lastUsedAt: now } })
      .catch(() => lastTouched.delete(credentialId));
  const auditKey = `${action}:${caller.apiKeyId}:${credentialId}`;
  if (due(lastAudited, auditKey, at, AUDIT_EVERY_MS))
    recordAuditEvent(db, {
      workspaceId: caller.workspaceId,
      action: AUDIT_ACTION[action],
      actor: { apiKeyId: caller.apiKeyId, label: `API key “${caller.name}” (${caller.prefix})` },
      credentialId,
    }).catch(() => lastAudited.delete(auditKey));
}
