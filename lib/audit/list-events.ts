import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export type AuditEventRow = {
  id: string;
  action: string;
  actionLabel: string;
  actorLabel: string;
  createdAt: Date;
  credentialId: string | null;
  details: Record<string, unknown>;
};

const actionIds = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** The audit log's filters from the URL; anything odd falls back to "all". */
export const auditFiltersSchema = z.object({
  action: z.enum(actionIds).optional().catch(undefined),
  person: z.string().max(64).optional().catch(undefined),
  credential: z.string().max(64).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  return auditFiltersSchema.parse(
    Object.fromEntries(
      Object.entries(params).map(([key, value]) => [
        key,
        (Array.isArray(value) ? value[0] : value) || undefined,
      ]),
    ),
  );
}

/** The newest audit events of one workspace, filtered by action, person and credential. */
export async function listAuditEvents(
  db: Db,
  options: { workspaceId: string; filters?: AuditFilters; take?: number },
): Promise<AuditEventRow[]> {
  const filters = options.filters ?? {};
  const rows = await db.auditEvent.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.person ? { actorUserId: filters.person } : {}),
      ...(filters.credential ? { credentialId: filters.credential } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 200,
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
