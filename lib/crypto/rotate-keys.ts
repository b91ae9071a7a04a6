import type { Db } from "@/lib/db/client";
import { contextOf, encryptedValues, type EncryptedValue } from "./encrypted-columns";
import type { KeyRing } from "./keyring";
import { decryptSecret, encryptSecret, needsRotation } from "./secret-box";

/** Writes `fresh` only where the row still holds `item.value`. */
async function replaceValue(db: Db, item: EncryptedValue, fresh: string): Promise<boolean> {
  if (item.table === "webhookEndpoint") {
    const result = await db.webhookEndpoint.updateMany({
      where: { id: item.rowId, secretEnc: item.value },
      data: { secretEnc: fresh },
    });
    return result.count === 1;
  }
  const result =
    item.table === "credential"
      ? await db.credential.updateMany({
          where: { id: item.rowId, [item.column]: item.value },
          data: { [item.column]: fresh },
        })
      : await db.zoomApp.updateMany({
          where: { id: item.rowId, [item.column]: item.value },
          data: { [item.column]: fresh },
        });
  return result.count === 1;
}

/**
 * Re-encrypts every stored secret (credentials' tokens, Zoom apps' secrets)
 * with the newest key. Each write is conditional on the old ciphertext, so a
 * token refreshed meanwhile is never overwritten with an older one. Verify
 * first: one unreadable value stops it.
 */
export async function rotateKeys(
  db: Db,
  ring: KeyRing,
  pageSize?: number,
): Promise<{ rotated: number; skipped: number }> {
  let rotated = 0;
  let skipped = 0;
  for await (const item of encryptedValues(db, pageSize)) {
    if (!needsRotation(ring, item.value)) {
      skipped++;
      continue;
    }
    const context = contextOf(item);
    const fresh = encryptSecret(ring, decryptSecret(ring, item.value, context), context);
    if (await replaceValue(db, item, fresh)) rotated++;
    else skipped++; // changed meanwhile: the new value is already under the newest key
  }
  return { rotated, skipped };
}
