import type { Db } from "@/lib/db/client";
import { credentialSecretContext, encryptedCredentialValues } from "./encrypted-columns";
import type { KeyRing } from "./keyring";
import { decryptSecret, encryptSecret, needsRotation } from "./secret-box";

/**
 * Re-encrypts every stored secret with the newest key. Each write is
 * conditional on the old ciphertext, so a token refreshed meanwhile is never
 * overwritten with an older one. Verify first: one unreadable value stops it.
 */
export async function rotateKeys(
  db: Db,
  ring: KeyRing,
  pageSize?: number,
): Promise<{ rotated: number; skipped: number }> {
  let rotated = 0;
  let skipped = 0;
  for await (const item of encryptedCredentialValues(db, pageSize)) {
    if (!needsRotation(ring, item.value)) {
      skipped++;
      continue;
    }
    const context = credentialSecretContext(item.credentialId, item.column);
    const fresh = encryptSecret(ring, decryptSecret(ring, item.value, context), context);
    const result = await db.credential.updateMany({
      where: { id: item.credentialId, [item.column]: item.value },
      data: { [item.column]: fresh },
    });
    if (result.count === 1) rotated++;
    else skipped++; // changed meanwhile: the new value is already under the newest key
  }
  return { rotated, skipped };
}
