import type { Db } from "@/lib/db/client";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export type AuditEventRow = { id: string; action: string; actionLabel: string; actorLabel: string; createdAt: Date; credentialId: string | null; details: Record<string, unknown> };

/** The newest audit events of one workspace. */
export async function listAuditEvents(db: Db, options: { workspaceId: string; take?: number }): Promise<AuditEventRow[]> {
  const rows = await db.auditEvent.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    actionLabel: row.action in AUDIT_ACTIONS ? AUDIT_ACTIONS[row.action as AuditAction] : row.action,
    actorLabel: row.actorLabel,
    createdAt: row.createdAt,
    credentialId: row.credentialId,
    details: safeJson(row.details),
  }));
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
