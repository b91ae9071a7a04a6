// npm run keys:rotate — after putting a new key first in ENCRYPTION_KEY
// (comma-separated, newest first), re-encrypts every stored secret with it.
// Old keys can be removed from ENCRYPTION_KEY once this has finished.
import { appKeyRing } from "../lib/crypto";
import { rotateKeys } from "../lib/crypto/rotate-keys";
import { verifyStoredSecrets } from "../lib/crypto/verify-stored-secrets";
import { createDb } from "../lib/db/client";
import { getEnv } from "../lib/env";

const db = createDb(getEnv().databaseUrl);
const ring = appKeyRing();
try {
  // Refuse before writing anything if some value is unreadable.
  const { checked } = await verifyStoredSecrets(db, ring);
  const { rotated, skipped } = await rotateKeys(db, ring);
  console.log(
    `[keys] ${checked} secret(s) checked; ` +
      `${rotated} re-encrypted with key ${ring.current.id}; ${skipped} already current.`,
  );
} catch (error) {
  console.error(`[keys] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
