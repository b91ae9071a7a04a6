import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";

/**
 * Long past Zoom's retries (3, within minutes): a receipt only has to outlive
 * them, and a removal older than that is also stopped by the connections'
 * `authorizedAt`.
 */
export const RECEIPT_KEEP_DAYS = 90;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * What makes two deliveries the same event. Zoom re-signs every retry with a
 * fresh timestamp, so neither the headers nor the signature tell a retry
 * from a new event: the event's own content does. The app is part of it, so
 * one Zoom app set up in two workspaces counts each endpoint's event once.
 */
export function zoomEventKey(zoomAppId: string, event: string, content: readonly string[]): string {
  return createHash("sha256")
    .update(JSON.stringify([zoomAppId, event, ...content]))
    .digest("hex");
}

/**
 * Handles an event once: `apply` runs in the same transaction as the
 * event's receipt, which is written first. A second delivery — a retry, a
 * repeat, another instance, after a restart — finds the receipt (or waits on
 * the first one's row until it commits) and changes nothing. If `apply`
 * fails, the receipt goes with it, so Zoom's retry is handled afresh.
 */
export async function onceForZoomEvent<T>(
  db: Db,
  receipt: { key: string; zoomAppId: string; now: Date },
  apply: (tx: Tx) => Promise<T>,
): Promise<{ repeated: false; result: T } | { repeated: true }> {
  let result: T;
  try {
    result = await db.$transaction(async (tx) => {
      await tx.zoomEventReceipt.create({
        data: { key: receipt.key, zoomAppId: receipt.zoomAppId, receivedAt: receipt.now },
      });
      return apply(tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { repeated: true };
    throw error;
  }
  await forgetOldReceipts(db, receipt.now);
  return { repeated: false, result };
}

async function forgetOldReceipts(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - RECEIPT_KEEP_DAYS * 24 * 60 * 60 * 1000);
  await db.zoomEventReceipt.deleteMany({ where: { receivedAt: { lt: cutoff } } });
}
