import type { Db } from "@/lib/db/client";

/**
 * What Zoom said the last time someone came back through a connect link
 * without connecting: the error kept on the link's own draft. Nothing once
 * the draft is connected (or gone), so an old error is never shown again.
 */
export async function findLinkLastTry(
  db: Pick<Db, "credential">,
  link: { workspaceId: string; credentialId: string | null },
): Promise<string | null> {
  if (!link.credentialId || !link.workspaceId) return null;
  const draft = await db.credential.findFirst({
    where: { id: link.credentialId, workspaceId: link.workspaceId, status: "draft" },
    select: { lastErrorMessage: true },
  });
  return draft?.lastErrorMessage ?? null;
}
