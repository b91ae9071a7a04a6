import type { Db } from "@/lib/db/client";
import { pushNow } from "./push-round";

export type N8nEmptied = { n8nCredentialName: string; ok: boolean; words: string };

/** The connection's n8n link, read before a disconnect or delete (the delete takes the link with it). */
export function findN8nLink(db: Db, credentialId: string) {
  return db.n8nLink.findUnique({ where: { credentialId }, select: { id: true, n8nCredentialName: true } });
}

/**
 * Sends the empty push that a disconnect or delete queued in its
 * transaction, now, so the person is told whether n8n let go of the token.
 * If n8n does not answer, the pusher keeps trying; nothing is lost.
 */
export async function emptyQueuedNow(
  db: Db,
  link: { id: string; n8nCredentialName: string },
): Promise<N8nEmptied | null> {
  const queued = await db.n8nPush.findFirst({
    where: { linkId: link.id, kind: "empty" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!queued) return null;
  const result = await pushNow(db, queued.id);
  return result && { n8nCredentialName: link.n8nCredentialName, ...result };
}

/** What a person is told about n8n after a disconnect, delete or stop. */
export function emptiedWords(emptied: N8nEmptied | null): string {
  if (!emptied) return "";
  return emptied.ok
    ? ` The token in the n8n credential “${emptied.n8nCredentialName}” was emptied.`
    : ` The token in the n8n credential “${emptied.n8nCredentialName}” could not be emptied yet: ${emptied.words} The app keeps trying.`;
}
