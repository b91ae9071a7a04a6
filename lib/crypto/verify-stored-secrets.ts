import type { Db } from "@/lib/db/client";
import { contextOf, describeLocation, encryptedValues } from "./encrypted-columns";
import type { KeyRing } from "./keyring";
import { DecryptionError, decryptSecret } from "./secret-box";

export class UnreadableSecretsError extends Error {
  override name = "UnreadableSecretsError";
}

/**
 * Refuses to go on when any stored secret cannot be decrypted with the
 * configured keys: starting anyway would make credentials fail one by one,
 * or tempt someone to overwrite them. Nothing is changed.
 */
export async function verifyStoredSecrets(db: Db, ring: KeyRing): Promise<{ checked: number }> {
  let checked = 0;
  const failures: string[] = [];
  const missingKeys = new Set<string>();
  for await (const item of encryptedValues(db)) {
    checked++;
    try {
      decryptSecret(ring, item.value, contextOf(item));
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      if (error.keyId && !ring.byId.has(error.keyId)) missingKeys.add(error.keyId);
      if (failures.length < 5) failures.push(`${describeLocation(item)}: ${error.message}`);
      else if (failures.length === 5) failures.push("…");
    }
  }
  if (failures.length > 0) {
    const hint = missingKeys.size
      ? `They were encrypted with key id(s) ${[...missingKeys].join(", ")}, which ENCRYPTION_KEY does not contain. ` +
        "Add the old key back to ENCRYPTION_KEY (comma-separated, newest first) " +
        "or restore secrets.json in the data folder (DATA_DIR; /data in the container) from a backup."
      : "The stored values are damaged. Restore the database from a backup.";
    throw new UnreadableSecretsError(
      `Stored secrets cannot be decrypted, so the app will not start.\n${hint}\n${failures.join("\n")}`,
    );
  }
  return { checked };
}
