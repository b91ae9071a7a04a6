import type { Db } from "@/lib/db/client";

/**
 * What the audit log's filters offer: the workspace's people and its
 * credentials by name (the names also label each event's credential; one
 * deleted since reads "a deleted credential").
 */
export async function listAuditFilterChoices(db: Db, workspaceId: string) {
  if (!workspaceId) return { people: [], credentials: [] };
  const [memberships, credentials] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, name: true } } },
    }),
    db.credential.findMany({
      where: { workspaceId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  return { people: memberships.map((m) => m.user), credentials };
}
