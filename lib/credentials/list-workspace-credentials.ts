import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import type { CredentialStatus } from "@/lib/credentials/status";
import { PAGE_SIZE, type CredentialFilters } from "./credential-filters";

/**
 * Every credential of a workspace for the admins' Credentials table: summary
 * counts, filters, sorting and server-side pages (members get their own from
 * list-credentials.ts). Each query starts from
 * workspaceId, which leads every index on Credential.
 */
export async function listWorkspaceCredentials(db: Db, workspaceId: string, filters: CredentialFilters) {
  // PostgreSQL compares case-sensitively unless asked; SQLite's LIKE already ignores case.
  const insensitive =
    getEnv().databaseKind === "postgresql"
      ? ({ mode: "insensitive" } as unknown as Record<string, never>)
      : {};
  const where = {
    workspaceId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.method ? { method: filters.method } : {}),
    ...(filters.owner ? { ownerId: filters.owner } : {}),
    ...(filters.q
      ? {
          OR: [
            { name: { contains: filters.q, ...insensitive } },
            { zoomEmail: { contains: filters.q, ...insensitive } },
            { zoomName: { contains: filters.q, ...insensitive } },
          ],
        }
      : {}),
  };
  const [rows, total, byStatus, owners] = await Promise.all([
    db.credential.findMany({
      where,
      select: {
        id: true,
        name: true,
        method: true,
        status: true,
        wizardStep: true,
        zoomName: true,
        zoomEmail: true,
        zoomUserId: true,
        zoomAccountId: true,
        zoomApp: { select: { activePair: true, developmentClientId: true, productionClientId: true } },
        grantedScopes: true,
        lastRefreshedAt: true,
        accessTokenExpiresAt: true,
        lastUsedAt: true,
        lastErrorMessage: true,
        createdAt: true,
        owner: { select: { id: true, name: true } },
      },
      orderBy: [{ [filters.sort]: filters.dir }, { id: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.credential.count({ where }),
    db.credential.groupBy({ by: ["status"], where: { workspaceId }, _count: { _all: true } }),
    db.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const counts = Object.fromEntries(byStatus.map((group) => [group.status, group._count._all])) as Partial<
    Record<CredentialStatus, number>
  >;
  return {
    rows,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    counts,
    owners: owners.map((m) => m.user),
  };
}
