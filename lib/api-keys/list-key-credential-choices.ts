import type { Db } from "@/lib/db/client";

/**
 * The credentials a new API key may be limited to: the workspace's finished
 * ones (a draft has no token to serve). Admins only make keys, so every
 * owner's credentials are offered.
 */
export async function listKeyCredentialChoices(db: Db, workspaceId: string) {
  if (!workspaceId) return [];
  return db.credential.findMany({
    where: { workspaceId, status: { not: "draft" } },
    select: { id: true, name: true, zoomEmail: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
