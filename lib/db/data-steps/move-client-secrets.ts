import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { DecryptionError, decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { DataStep } from "./index";

/**
 * Migration 20261201232442_zoom_apps moved each credential's Client Secret
 * into a Zoom app of its own by copying the ciphertext. Ciphertext is bound
 * to its row and column, so the copy still reads as the credential's: here it
 * is decrypted with that old context and encrypted again for the app's row.
 * The old context is written out literally — the credential column it names
 * no longer exists anywhere else in the code.
 */
export const moveClientSecrets: DataStep = async (sql, keyRing) => {
  const moved = await sql.rows(
    `SELECT a."id" AS "appId", a."developmentClientSecretEnc" AS "sealed", c."id" AS "credentialId"
     FROM "ZoomApp" a JOIN "Credential" c ON c."zoomAppId" = a."id"
     WHERE a."developmentClientSecretEnc" IS NOT NULL`,
  );
  if (moved.length === 0) return;
  const ring = keyRing();
  for (const row of moved) {
    const appId = String(row.appId);
    const credentialId = String(row.credentialId);
    let secret: string;
    try {
      secret = decryptSecret(ring, String(row.sealed), `credential:${credentialId}:clientSecretEnc`);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      throw new Error(
        `The Client Secret of credential ${credentialId} cannot be decrypted (${error.message}) so it cannot move into its Zoom app. Configure the ENCRYPTION_KEY it was written with and run the migration again; nothing was changed.`,
      );
    }
    await sql.run(`UPDATE "ZoomApp" SET "developmentClientSecretEnc" = ? WHERE "id" = ?`, [
      encryptSecret(ring, secret, zoomAppSecretContext(appId, "developmentClientSecretEnc")),
      appId,
    ]);
  }
};
