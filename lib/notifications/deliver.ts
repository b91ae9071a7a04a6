import type { Db } from "@/lib/db/client";
import { decrypt } from "@/lib/crypto";
import { webhookSecretContext } from "@/lib/crypto/encrypted-columns";
import { composeEmail, composeWebhookBody, connectionUrl, type OutboxEvent } from "./compose";
import { parseDetails, type NotificationKind } from "./event-kinds";
import type { EmailResult } from "./send-email";
import type { WebhookResult } from "./send-webhook";

/** How a worker reaches the outside world; tests pass their own. */
export type Senders = {
  appUrl: string;
  mail: { smtpUrl: string; from: string } | null;
  allowPrivateTargets: boolean;
  sendEmail: (input: {
    smtpUrl: string;
    from: string;
    to: string;
    subject: string;
    text: string;
  }) => Promise<EmailResult>;
  sendWebhook: (input: {
    url: string;
    secret: string;
    messageId: string;
    body: string;
    allowPrivate: boolean;
  }) => Promise<WebhookResult>;
};

/** A claimed delivery is someone's for this long; if its sender dies, it comes back due. */
export const CLAIM_MS = 2 * 60_000;

// Close to Standard Webhooks' schedule: soon after a blip, then further apart, for a day.
const RETRY_DELAYS_MS = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];

/** The wait after failed attempt n: 5 s, 30 s, 2 min, 10 min, 30 min, then every 2 hours. */
export function retryDelayMs(attempt: number): number {
  return RETRY_DELAYS_MS[attempt - 1] ?? 2 * 60 * 60_000;
}

/**
 * Takes one due delivery for this worker. The conditional update (still
 * pending, still due, still at the attempt count we read) is the claim: of
 * two workers that picked the same row, one changes it and the other finds
 * nothing to change. The claim pushes the due time ahead, so a worker that
 * dies mid-send leaves the row to be tried again later, not lost.
 */
export async function claimDelivery(
  db: Db,
  row: { id: string; attempts: number },
  now: Date,
): Promise<boolean> {
  const claimed = await db.notificationDelivery.updateMany({
    where: { id: row.id, status: "pending", attempts: row.attempts, nextAttemptAt: { lte: now } },
    data: { attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
  });
  return claimed.count === 1;
}

type Attempt = { ok: boolean; statusCode: number | null; note: string | null };

async function attempt(db: Db, deliveryId: string, senders: Senders): Promise<Attempt> {
  const delivery = await db.notificationDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      channel: true,
      target: true,
      event: {
        select: {
          id: true,
          workspaceId: true,
          credentialId: true,
          kind: true,
          details: true,
          createdAt: true,
          workspace: { select: { slug: true } },
        },
      },
    },
  });
  if (!delivery) return { ok: false, statusCode: null, note: "The delivery no longer exists." };
  const { workspace, ...row } = delivery.event;
  const event: OutboxEvent = {
    ...row,
    kind: row.kind as NotificationKind,
    details: parseDetails(row.details),
  };
  const link = connectionUrl(senders.appUrl, workspace.slug, event.credentialId);
  if (delivery.channel === "email") {
    if (!senders.mail) return { ok: false, statusCode: null, note: "Email is off: SMTP_URL is not set." };
    return senders.sendEmail({ ...senders.mail, to: delivery.target, ...composeEmail(event, link) });
  }
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: delivery.target },
    select: { id: true, url: true, secretEnc: true },
  });
  if (!endpoint) return { ok: false, statusCode: null, note: "The webhook was removed or replaced." };
  return senders.sendWebhook({
    url: endpoint.url,
    secret: decrypt(endpoint.secretEnc, webhookSecretContext(endpoint.id)),
    // The delivery's id: the same on every retry, so a receiver can drop repeats.
    messageId: `msg_${deliveryId}`,
    body: composeWebhookBody(event, { workspaceSlug: workspace.slug, link }),
    allowPrivate: senders.allowPrivateTargets,
  });
}

/**
 * Sends one claimed delivery and writes the outcome: sent, tried again later
 * with back-off, or given up after a day. Every attempt goes to the log.
 */
export async function deliverClaimed(
  db: Db,
  claimed: { id: string; workspaceId: string; attempts: number; giveUpAt: Date },
  senders: Senders,
  now = new Date(),
): Promise<boolean> {
  const started = Date.now();
  let result: Attempt;
  try {
    result = await attempt(db, claimed.id, senders);
  } catch (error) {
    result = { ok: false, statusCode: null, note: error instanceof Error ? error.name : "unexpected error" };
  }
  const attemptNumber = claimed.attempts + 1;
  const retryAt = new Date(now.getTime() + retryDelayMs(attemptNumber));
  const gone =
    result.note === "The webhook was removed or replaced." || result.note?.startsWith("Email is off");
  const status = result.ok ? "sent" : gone || retryAt >= claimed.giveUpAt ? "failed" : "pending";
  await db.notificationAttempt.create({
    data: {
      deliveryId: claimed.id,
      workspaceId: claimed.workspaceId,
      attempt: attemptNumber,
      ok: result.ok,
      statusCode: result.statusCode,
      note: result.note?.slice(0, 200) ?? null,
      durationMs: Date.now() - started,
    },
  });
  await db.notificationDelivery.updateMany({
    where: { id: claimed.id, attempts: attemptNumber },
    data: {
      status,
      lastStatusCode: result.statusCode,
      lastError: result.ok ? null : (result.note?.slice(0, 200) ?? null),
      ...(result.ok ? { sentAt: new Date() } : {}),
      ...(status === "pending" ? { nextAttemptAt: retryAt } : {}),
    },
  });
  return result.ok;
}
