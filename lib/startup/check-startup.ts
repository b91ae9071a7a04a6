import { appKeyRing } from "@/lib/crypto";
import { verifyStoredSecrets } from "@/lib/crypto/verify-stored-secrets";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { replayRotatedSets } from "@/lib/credentials/tokens/rotated-sets";
import { startKeeper } from "@/lib/keeper/start-keeper";
import { startN8nPusher } from "@/lib/n8n/start-pusher";
import { startNotifier } from "@/lib/notifications/start-notifier";

export async function checkStartup(): Promise<void> {
  try {
    const env = getEnv();
    const { checked } = await verifyStoredSecrets(db(), appKeyRing());
    console.log(
      `[startup] ${env.databaseKind} database; ${checked} stored secret(s) readable; public URL ${env.appUrl}`,
    );
    // Renewed token sets a previous run could not store: written before the keeper renews anything.
    replayRotatedSets(db());
    startKeeper();
    startNotifier();
    startN8nPusher();
  } catch (error) {
    // A clear sentence and a non-zero exit beat a server that fails request by request.
    console.error(
      `\n[startup] The app cannot start.\n${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
