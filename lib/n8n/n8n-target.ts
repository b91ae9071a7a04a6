import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { decrypt, encrypt } from "@/lib/crypto";
import { n8nTargetSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { checkN8nKeys } from "./check-n8n-keys";
import type { N8nTargetKeys } from "./n8n-api";

/** The one way to read a workspace's n8n target (never its key). */
export function findN8nTarget(db: Pick<Db, "n8nTarget">, workspaceId: string) {
  return db.n8nTarget.findUnique({
    where: { workspaceId },
    select: {
      id: true,
      baseUrl: true,
      checkedAt: true,
      updatedAt: true,
      _count: { select: { links: true } },
    },
  });
}

/** The URL and the decrypted key, for a call to n8n; null when the target is gone. */
export async function n8nTargetKeys(
  db: Pick<Db, "n8nTarget">,
  targetId: string,
): Promise<N8nTargetKeys | null> {
  const row = await db.n8nTarget.findUnique({
    where: { id: targetId },
    select: { id: true, baseUrl: true, apiKeyEnc: true },
  });
  return row && { baseUrl: row.baseUrl, apiKey: decrypt(row.apiKeyEnc, n8nTargetSecretContext(row.id)) };
}

const actor = (ctx: WorkspaceContext) => ({ userId: ctx.user.id, label: ctx.user.email });

/** n8n's address as stored: no trailing slash, no /api/v1 someone pasted along. */
export function normaliseBaseUrl(url: string): string {
  return url.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
}

/**
 * Saves the workspace's n8n target after checking the key against n8n (a
 * read call and a PATCH probe): a key that cannot do what pushing needs is
 * refused here, in words, not at the first renewal. The key is stored
 * encrypted and never shown again. Another n8n (a new URL) is refused while
 * connections are used in the old one: their credential ids mean nothing there.
 */
export async function saveN8nTarget(
  db: Db,
  ctx: WorkspaceContext,
  input: { baseUrl: string; apiKey: string },
  now = new Date(),
): Promise<{ words: string }> {
  const baseUrl = normaliseBaseUrl(input.baseUrl);
  const existing = await findN8nTarget(db, ctx.workspace.id);
  if (existing && existing.baseUrl !== baseUrl && existing._count.links > 0)
    throw new AppError(
      "conflict",
      `${existing._count.links} connection(s) are used in the n8n at ${existing.baseUrl}. Press “Stop using in n8n” on them first, or keep that address.`,
      { baseUrl: "Stop using the connections in the old n8n first." },
    );
  const check = await checkN8nKeys({ baseUrl, apiKey: input.apiKey });
  if (!check.ok) throw new AppError("invalid_input", check.words, { [check.field]: check.words });
  if (existing) {
    await db.n8nTarget.update({
      where: { id: existing.id },
      data: {
        baseUrl,
        apiKeyEnc: encrypt(input.apiKey, n8nTargetSecretContext(existing.id)),
        checkedAt: now,
      },
    });
  } else {
    const id = randomUUID().replace(/-/g, "");
    await db.n8nTarget.create({
      data: {
        id,
        workspaceId: ctx.workspace.id,
        baseUrl,
        apiKeyEnc: encrypt(input.apiKey, n8nTargetSecretContext(id)),
        checkedAt: now,
      },
    });
  }
  await recordAuditEvent(db, {
    workspaceId: ctx.workspace.id,
    action: "n8n.saved",
    actor: actor(ctx),
    details: { baseUrl },
  });
  return { words: check.words };
}

/** Removing the target is refused while connections use it: their tokens would stay in n8n with nobody to empty them. */
export async function removeN8nTarget(db: Db, ctx: WorkspaceContext): Promise<void> {
  const existing = await findN8nTarget(db, ctx.workspace.id);
  if (!existing) throw new AppError("not_found", "No n8n is set up for this workspace.");
  if (existing._count.links > 0)
    throw new AppError(
      "conflict",
      `${existing._count.links} connection(s) are still used in n8n. Press “Stop using in n8n” on them first: that empties their tokens in n8n.`,
    );
  const pending = await db.n8nPush.count({ where: { targetId: existing.id, state: "pending" } });
  if (pending > 0)
    throw new AppError("conflict", "Tokens in n8n are still being emptied. Try again in a minute.");
  await db.n8nTarget.delete({ where: { id: existing.id } });
  await recordAuditEvent(db, { workspaceId: ctx.workspace.id, action: "n8n.removed", actor: actor(ctx) });
}
