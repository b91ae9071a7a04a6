import type { Db } from "@/lib/db/client";

/** What the connection page shows of its n8n link (the caller already found the credential for the person). */
export function findN8nLinkForPage(db: Db, credentialId: string) {
  return db.n8nLink.findUnique({
    where: { credentialId },
    select: {
      n8nCredentialId: true,
      n8nCredentialName: true,
      lastPushAt: true,
      lastPushOk: true,
      lastAnswer: true,
      failingSince: true,
    },
  });
}

/** Connections used in n8n, for the admin page: the workspace's only. */
export function listN8nLinks(db: Db, workspaceId: string) {
  return db.n8nLink.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: {
      credentialId: true,
      n8nCredentialName: true,
      lastPushAt: true,
      lastAnswer: true,
      failingSince: true,
      credential: { select: { name: true } },
    },
  });
}
