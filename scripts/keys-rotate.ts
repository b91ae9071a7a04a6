// npm run keys:rotate — after putting a new key first in ENCRYPTION_KEY
// (comma-separated, newest first), re-encrypts every stored secret with it.
// Old keys can be removed from ENCRYPTION_KEY once this has finished without an error.
import { appKeyRing } from "../lib/crypto";
import { rotateKeys } from "../lib/crypto/rotate-keys";
import { verifyStoredSecrets } from "../lib/crypto/verify-stored-secrets";
import { journalDir } from "../lib/credentials/tokens/rotated-set-journal";
import { storeJournaledSets } from "../lib/credentials/tokens/rotated-sets";
import { createDb } from "../lib/db/client";
import { getEnv } from "../lib/env";

const db = createDb(getEnv().databaseUrl);
const ring = appKeyRing();
try {
  // Refuse before writing anything if some value is unreadable.
  const { checked } = await verifyStoredSecrets(db, ring);
  // Renewed token sets this instance journaled but has not stored yet are sealed
  // with an old key: store them first, so they are not lost when it goes.
  const journal = await storeJournaledSets(db);
  const { rotated, skipped } = await rotateKeys(db, ring);
  console.log(
    `[keys] ${checked} secret(s) checked; ` +
      `${rotated} re-encrypted with key ${ring.current.id}; ${skipped} already current.`,
  );
  if (journal.stored > 0)
    console.log(`[keys] ${journal.stored} renewed token set(s) waiting in the journal were stored.`);
  if (journal.letGo > 0)
    console.log(
      `[keys] ${journal.letGo} journaled token set(s) were let go: their credentials were reconnected or removed meanwhile.`,
    );
  if (journal.waiting > 0) {
    console.error(
      `[keys] ${journal.waiting} renewed token set(s) still wait in ${journalDir()}, sealed with an older key. ` +
        "Keep the old keys in ENCRYPTION_KEY, start the app so it stores them, then run npm run keys:rotate again.",
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`[keys] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
