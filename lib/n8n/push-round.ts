import type { Db } from "@/lib/db/client";
import { safeErrorText } from "@/lib/errors/safe-error-text";
import { noticePushFailing, noticePushRecovered } from "./push-notices";
import { linkFactsSelect, writePush, type PushKind } from "./push-outbox";
import { sendPush, type ClaimedPush, type PushOutcome } from "./send-push";

/** Per round and instance: a bounded amount of work, whatever the number of links. */
export const PUSH_BATCH = 25;
/** A claimed push is this pusher's for this long; if it dies mid-push, the row comes back due. */
export const PUSH_CLAIM_MS = 60_000;
/** Every link is pushed again this often, so a push n8n lost (a restore, a hand edit) heals. */
export const REPUSH_EVERY_MS = 15 * 60_000;
/** Sent pushes are kept this long (for looking into a problem), then pruned a bounded batch per round. */
export const KEEP_PUSHES_MS = 7 * 24 * 60 * 60_000;

// Soon after a blip, then every five minutes: an access token lives an hour.
const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 2 * 60_000];
export const pushRetryDelayMs = (attempt: number) => RETRY_DELAYS_MS[attempt - 1] ?? 5 * 60_000;

export type PushRoundReport = {
  pushed: number;
  emptied: number;
  skipped: number;
  failed: number;
  queued: number;
  pruned: number;
};

/**
 * One round of the n8n pusher, safe on every instance at once: links due for
 * their periodic re-push get a push row; due push rows are claimed through a
 * conditional update (still pending, still due, still at the attempt count
 * read: of two pushers, one wins) and sent; old rows are pruned. Each step
 * reads an index on a due time and takes at most PUSH_BATCH rows.
 */
export async function runN8nPushRound(db: Db, now = new Date()): Promise<PushRoundReport> {
  const report: PushRoundReport = { pushed: 0, emptied: 0, skipped: 0, failed: 0, queued: 0, pruned: 0 };
  report.queued = await queueRepushes(db, now);

  const due = await db.n8nPush.findMany({
    where: { state: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: PUSH_BATCH,
    select: {
      id: true,
      attempts: true,
      giveUpAt: true,
      linkId: true,
      credentialId: true,
      targetId: true,
      n8nCredentialId: true,
      kind: true,
    },
  });
  const mine: typeof due = [];
  for (const row of due) {
    const claimed = await db.n8nPush.updateMany({
      where: { id: row.id, state: "pending", attempts: row.attempts, nextAttemptAt: { lte: now } },
      data: { attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + PUSH_CLAIM_MS) },
    });
    if (claimed.count === 1) mine.push(row);
  }
  // One link's pushes in order (the later ones usually find n8n up to date); links side by side.
  const byLink = new Map<string, typeof mine>();
  for (const row of mine) byLink.set(row.linkId, [...(byLink.get(row.linkId) ?? []), row]);
  await Promise.all(
    [...byLink.values()].map(async (rows) => {
      for (const row of rows) {
        const result = await sendClaimed(db, { ...row, kind: row.kind as PushKind }, row, now);
        report[result]++;
      }
    }),
  );

  const old = await db.n8nPush.findMany({
    where: {
      state: { in: ["done", "failed"] },
      nextAttemptAt: { lt: new Date(now.getTime() - KEEP_PUSHES_MS) },
    },
    take: PUSH_BATCH * 4,
    select: { id: true },
  });
  if (old.length)
    report.pruned = (await db.n8nPush.deleteMany({ where: { id: { in: old.map((r) => r.id) } } })).count;
  return report;
}

/** Links whose re-push is due get one push row each; the conditional update makes one instance write it. */
async function queueRepushes(db: Db, now: Date): Promise<number> {
  const links = await db.n8nLink.findMany({
    where: { repushDueAt: { lte: now } },
    orderBy: { repushDueAt: "asc" },
    take: PUSH_BATCH,
    select: { ...linkFactsSelect, repushDueAt: true, failingSince: true },
  });
  let queued = 0;
  for (const link of links) {
    const moved = await db.n8nLink.updateMany({
      where: { id: link.id, repushDueAt: link.repushDueAt },
      data: { repushDueAt: new Date(now.getTime() + REPUSH_EVERY_MS) },
    });
    // A failing link is already being retried: one more row would only fail beside it.
    if (moved.count === 0 || link.failingSince) continue;
    await writePush(db, link, { kind: "repush", change: `repush:${link.repushDueAt.getTime()}`, now });
    queued++;
  }
  return queued;
}

async function sendClaimed(
  db: Db,
  push: ClaimedPush,
  row: { attempts: number; giveUpAt: Date },
  now: Date,
): Promise<"pushed" | "emptied" | "skipped" | "failed"> {
  let outcome: PushOutcome;
  try {
    outcome = await sendPush(db, push);
  } catch (error) {
    outcome = {
      result: "failed",
      answer: { ok: false, status: null, words: `The push failed here: ${safeErrorText(error)}.` },
    };
  }
  const attempt = row.attempts + 1;
  const failed = outcome.result === "failed";
  const retryAt = new Date(now.getTime() + pushRetryDelayMs(attempt));
  const state = !failed ? "done" : retryAt >= row.giveUpAt ? "failed" : "pending";
  const answer = "answer" in outcome ? outcome.answer : null;
  await db.n8nPush.updateMany({
    where: { id: push.id, attempts: attempt },
    data: {
      state,
      lastStatusCode: answer?.status ?? null,
      lastError: failed ? (answer?.words.slice(0, 300) ?? null) : null,
      ...(state === "pending" ? { nextAttemptAt: retryAt } : { doneAt: new Date(), nextAttemptAt: now }),
    },
  });
  if (answer) await recordOnLink(db, push.linkId, outcome, now);
  return outcome.result === "nothing_to_do" ? "skipped" : outcome.result;
}

/** The connection page's "last push" and "n8n's last answer", and the notices that follow a failure. */
async function recordOnLink(db: Db, linkId: string, outcome: PushOutcome, now: Date): Promise<void> {
  const link = await db.n8nLink.findUnique({
    where: { id: linkId },
    select: { ...linkFactsSelect, failingSince: true, credential: { select: { name: true } } },
  });
  if (!link || !("answer" in outcome)) return;
  const facts = { ...link, credentialName: link.credential.name };
  if (outcome.result === "failed") {
    const since = link.failingSince ?? now;
    await db.n8nLink.update({
      where: { id: link.id },
      data: { lastPushAt: now, lastPushOk: false, lastAnswer: outcome.answer.words, failingSince: since },
    });
    if (!link.failingSince)
      await noticePushFailing(db, facts, {
        since,
        status: outcome.answer.status,
        words: outcome.answer.words,
        now,
      });
    return;
  }
  await db.n8nLink.update({
    where: { id: link.id },
    data: { lastPushAt: now, lastPushOk: true, lastAnswer: outcome.answer.words, failingSince: null },
  });
  if (outcome.result === "pushed")
    await db.n8nLink.updateMany({
      where: { id: link.id, OR: [{ pushedVersion: null }, { pushedVersion: { lt: outcome.version } }] },
      data: { pushedVersion: outcome.version },
    });
  if (link.failingSince) await noticePushRecovered(db, facts, { since: link.failingSince, now });
}

/**
 * Sends one queued push now, for a person waiting on the answer (stop,
 * disconnect, delete): claimed like any other, so a round that took it first
 * sends it instead, and this waits a little for that round's answer.
 */
export async function pushNow(db: Db, pushId: string): Promise<{ ok: boolean; words: string } | null> {
  const row = await db.n8nPush.findUnique({
    where: { id: pushId },
    select: {
      id: true,
      attempts: true,
      giveUpAt: true,
      linkId: true,
      credentialId: true,
      targetId: true,
      n8nCredentialId: true,
      kind: true,
      state: true,
    },
  });
  if (!row) return null;
  const now = new Date();
  const claimed =
    row.state === "pending" &&
    (
      await db.n8nPush.updateMany({
        where: { id: row.id, state: "pending", attempts: row.attempts },
        data: { attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + PUSH_CLAIM_MS) },
      })
    ).count === 1;
  if (claimed) await sendClaimed(db, { ...row, kind: row.kind as PushKind }, row, now);
  for (let waited = 0; ; waited += 250) {
    const after = await db.n8nPush.findUnique({
      where: { id: pushId },
      select: { state: true, attempts: true, lastError: true },
    });
    if (!after) return null;
    if (after.state === "done") return { ok: true, words: "" };
    if (after.attempts > row.attempts && after.lastError) return { ok: false, words: after.lastError };
    if (waited >= 5_000) return { ok: false, words: "n8n has not answered yet; the app keeps trying." };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
