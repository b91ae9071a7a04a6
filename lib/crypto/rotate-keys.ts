import type { Db } from "@/lib/db/client";
import {
  contextOf,
  encryptedRows,
  rereadEncryptedRow,
  valuesOfRow,
  type EncryptedRow,
} from "./encrypted-columns";
import type { KeyRing } from "./keyring";
import { decryptSecret, encryptSecret, needsRotation } from "./secret-box";

/** A row that changes under rotation this many times in a row is left for a second run, which says so. */
export const ROTATION_ATTEMPTS = 5;

export class RotationConflictError extends Error {
  override name = "RotationConflictError";
}

/**
 * Writes the re-encrypted values of one row only where the row still holds
 * every value that was read: a renewal that stored a new token set meanwhile
 * wins, and its set is never overwritten with an older one. The version is
 * left alone, so a renewal in flight (which writes under a version check)
 * still stores its set after rotation passed its row.
 */
async function replaceValues(db: Db, row: EncryptedRow, fresh: Record<string, string>): Promise<boolean> {
  const where = { id: row.rowId, ...row.values };
  const result =
    row.table === "credential"
      ? await db.credential.updateMany({ where, data: fresh })
      : row.table === "zoomApp"
        ? await db.zoomApp.updateMany({ where, data: fresh })
        : row.table === "n8nTarget"
          ? await db.n8nTarget.updateMany({ where, data: fresh })
          : await db.webhookEndpoint.updateMany({ where, data: fresh });
  return result.count === 1;
}

/**
 * Re-encrypts every stored secret (credentials' tokens, Zoom apps', webhooks' and n8n targets' secrets)
 * with the newest key, row by row. A row that changed between the read and
 * the write is read again and done again: what the other writer stored may
 * be under an older key (an instance not yet restarted with the new one).
 * Verify first: one unreadable value stops it.
 */
export async function rotateKeys(
  db: Db,
  ring: KeyRing,
  pageSize?: number,
): Promise<{ rotated: number; skipped: number }> {
  let rotated = 0;
  let skipped = 0;
  for await (const read of encryptedRows(db, pageSize)) {
    const done = await rotateRow(db, ring, read);
    rotated += done.rotated;
    skipped += done.skipped;
  }
  return { rotated, skipped };
}

async function rotateRow(
  db: Db,
  ring: KeyRing,
  read: EncryptedRow,
): Promise<{ rotated: number; skipped: number }> {
  let row: EncryptedRow | null = read;
  for (let attempt = 1; row; attempt++) {
    const values = valuesOfRow(row);
    const stale = values.filter((item) => needsRotation(ring, item.value));
    if (stale.length === 0) return { rotated: 0, skipped: values.length };
    const fresh: Record<string, string> = {};
    for (const item of stale) {
      const context = contextOf(item);
      fresh[item.column] = encryptSecret(ring, decryptSecret(ring, item.value, context), context);
    }
    if (await replaceValues(db, row, fresh))
      return { rotated: stale.length, skipped: values.length - stale.length };
    if (attempt >= ROTATION_ATTEMPTS)
      throw new RotationConflictError(
        `The ${{ credential: "credential", zoomApp: "Zoom app", webhookEndpoint: "webhook", n8nTarget: "n8n target" }[row.table]} ${row.rowId} kept changing while its secrets were re-encrypted. Run npm run keys:rotate again.`,
      );
    row = await rereadEncryptedRow(db, row);
  }
  return { rotated: 0, skipped: 0 }; // deleted meanwhile: nothing left to rotate
}
