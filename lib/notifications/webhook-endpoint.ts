import { randomBytes, randomUUID } from "node:crypto";
import { lookup } from "node:dns/promises";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { encrypt } from "@/lib/crypto";
import { webhookSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { isPublicAddress, webhookUrlProblem } from "./safe-target";

/** The one way to read a workspace's webhook (never its secret). */
export function findWebhookEndpoint(db: Db, workspaceId: string) {
  return db.webhookEndpoint.findUnique({
    where: { workspaceId },
    select: { id: true, url: true, createdAt: true, updatedAt: true },
  });
}

const actor = (ctx: WorkspaceContext) => ({ userId: ctx.user.id, label: ctx.user.email });

/** The URL's rules, and at save time its name too (checked again at every send). */
async function checkUrl(url: string, allowPrivate: boolean): Promise<void> {
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) throw new AppError("invalid_input", problem, { url: problem });
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const addresses = await lookup(host, { all: true }).catch(() => null);
  const message = !addresses
    ? "That host name could not be found. Check the URL."
    : addresses.some((entry) => !isPublicAddress(entry.address))
      ? "That name points inside this server's own network, which webhooks may not reach. Use a public https:// URL."
      : null;
  if (message) throw new AppError("invalid_input", message, { url: message });
}

/**
 * Saves the workspace's webhook URL. A new webhook (or "new secret") gets a
 * fresh signing secret, returned here once and stored only encrypted.
 * Changing only the URL keeps the secret, so receivers keep verifying.
 */
export async function saveWebhookEndpoint(
  db: Db,
  ctx: WorkspaceContext,
  input: { url: string; newSecret: boolean; allowPrivate: boolean },
): Promise<{ secret: string | null }> {
  await checkUrl(input.url, input.allowPrivate);
  const existing = await findWebhookEndpoint(db, ctx.workspace.id);
  const secret = !existing || input.newSecret ? `whsec_${randomBytes(24).toString("base64")}` : null;
  if (existing) {
    await db.webhookEndpoint.update({
      where: { id: existing.id },
      data: {
        url: input.url,
        ...(secret ? { secretEnc: encrypt(secret, webhookSecretContext(existing.id)) } : {}),
      },
    });
  } else {
    const id = randomUUID().replace(/-/g, "");
    await db.webhookEndpoint.create({
      data: {
        id,
        workspaceId: ctx.workspace.id,
        url: input.url,
        secretEnc: encrypt(secret!, webhookSecretContext(id)),
      },
    });
  }
  await recordAuditEvent(db, {
    workspaceId: ctx.workspace.id,
    action: "webhook.saved",
    actor: actor(ctx),
    details: { url: input.url, newSecret: secret !== null },
  });
  return { secret };
}

export async function removeWebhookEndpoint(db: Db, ctx: WorkspaceContext): Promise<void> {
  const removed = await db.webhookEndpoint.deleteMany({ where: { workspaceId: ctx.workspace.id } });
  if (removed.count === 0) throw new AppError("not_found", "There is no webhook to remove.");
  await recordAuditEvent(db, { workspaceId: ctx.workspace.id, action: "webhook.removed", actor: actor(ctx) });
}

/** "Send test event": an outbox event like any other, so it goes through the same worker, signing and log. */
export async function sendTestEvent(db: Db, ctx: WorkspaceContext, now = new Date()): Promise<void> {
  const endpoint = await findWebhookEndpoint(db, ctx.workspace.id);
  if (!endpoint) throw new AppError("not_found", "Save a webhook URL first.");
  await db.notificationEvent.create({
    data: {
      workspaceId: ctx.workspace.id,
      credentialId: null,
      kind: "test",
      dedupeKey: `test:${randomUUID()}`,
      details: JSON.stringify({ credentialName: "Test event", reason: `Sent by ${ctx.user.email}` }),
      dueAt: now,
    },
  });
}
