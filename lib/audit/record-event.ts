import type { Db } from "@/lib/db/client";
import type { AuditAction } from "./audit-actions";

export type AuditActor =
  { userId: string; label: string } | { apiKeyId: string; label: string } | { system: true; label: string };

// Values that look like secrets are never written, whatever a caller passes.
const SECRET_KEY = /secret|token|password|hash|key$/i;

/** Writes one audit event. `details` must be plain facts, never a secret. */
export async function recordAuditEvent(
  db: Pick<Db, "auditEvent">,
  event: {
    workspaceId: string;
    action: AuditAction;
    actor: AuditActor;
    credentialId?: string;
    targetUserId?: string;
    details?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  const details = Object.fromEntries(
    Object.entries(event.details ?? {}).filter(([key]) => !SECRET_KEY.test(key)),
  );
  await db.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      action: event.action,
      actorUserId: "userId" in event.actor ? event.actor.userId : null,
      actorApiKeyId: "apiKeyId" in event.actor ? event.actor.apiKeyId : null,
      actorLabel: event.actor.label,
      credentialId: event.credentialId ?? null,
      targetUserId: event.targetUserId ?? null,
      details: JSON.stringify(details),
    },
  });
}
