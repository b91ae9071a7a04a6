import type { Db } from "@/lib/db/client";
import { writeEvent } from "@/lib/notifications/record-change";

/**
 * A failing push to n8n is told like a broken connection (email, webhook, a
 * notice in the app): once per stretch of failures, never per retry — the key
 * names the link and when the failures began. A refusal that needs a person
 * (a wrong key, a deleted credential, an old n8n) is told at once; n8n down
 * or slow waits this long, since the token n8n holds still works a while.
 */
export const N8N_NOTICE_AFTER_MS = 10 * 60_000;

const needsPerson = (status: number | null) =>
  status !== null && status >= 400 && status < 500 && status !== 429;

const failedKey = (credentialId: string, linkId: string, since: Date) =>
  `${credentialId}:n8n_push_failed:${linkId}:${since.getTime()}`;

export async function noticePushFailing(
  db: Db,
  link: { id: string; workspaceId: string; credentialId: string; credentialName: string },
  input: { since: Date; status: number | null; words: string; now: Date },
): Promise<void> {
  await writeEvent(db, {
    workspaceId: link.workspaceId,
    credentialId: link.credentialId,
    kind: "n8n_push_failed",
    dedupeKey: failedKey(link.credentialId, link.id, input.since),
    details: { credentialName: link.credentialName, reason: input.words },
    dueAt: needsPerson(input.status) ? input.now : new Date(input.since.getTime() + N8N_NOTICE_AFTER_MS),
  });
}

/**
 * Pushes work again. If people were told of the failure, tell them it is
 * over; if the notice was still waiting (a blip), drop it instead.
 */
export async function noticePushRecovered(
  db: Db,
  link: { id: string; workspaceId: string; credentialId: string; credentialName: string },
  input: { since: Date; now: Date },
): Promise<void> {
  const key = failedKey(link.credentialId, link.id, input.since);
  const failed = await db.notificationEvent.findUnique({
    where: { dedupeKey: key },
    select: { id: true, state: true },
  });
  if (!failed || failed.state === "cancelled") return;
  if (failed.state === "pending") {
    const cancelled = await db.notificationEvent.updateMany({
      where: { id: failed.id, state: "pending" },
      data: { state: "cancelled" },
    });
    if (cancelled.count === 1) return;
  }
  await writeEvent(db, {
    workspaceId: link.workspaceId,
    credentialId: link.credentialId,
    kind: "n8n_push_recovered",
    dedupeKey: `${link.credentialId}:n8n_push_recovered:${failed.id}`,
    details: { credentialName: link.credentialName },
    dueAt: input.now,
  });
}
