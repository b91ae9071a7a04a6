import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { safeErrorText } from "@/lib/errors/safe-error-text";
import { onPushQueued } from "./push-outbox";
import { runN8nPushRound } from "./push-round";

/**
 * Starts this process's n8n pusher. Every instance pushes what it queued at
 * once (a renewal, a stop), and every instance also runs a round on the
 * interval, which picks up what an instance that died left behind and the
 * periodic re-pushes; rows are claimed through the database, so nothing is
 * pushed twice at once. N8N_PUSH_INTERVAL_SECONDS=0 turns it off.
 */
export function startN8nPusher(): void {
  const seconds = getEnv().n8nPushIntervalSeconds;
  if (seconds === 0) return;
  let running = false;
  let again = false;
  const round = async () => {
    if (running) {
      again = true; // queued while a round was sending: one more round right after
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const report = await runN8nPushRound(db());
        const worked = report.pushed + report.emptied + report.failed + report.queued + report.pruned;
        if (worked > 0) console.log(`[n8n] ${JSON.stringify(report)}`);
      } while (again);
    } catch (error) {
      console.error(`[n8n] push round failed: ${safeErrorText(error)}. The next round tries again.`);
    } finally {
      running = false;
    }
  };
  // Woken after the transaction that queued a push has committed (transitions.ts): a short
  // delay lets a caller's own enclosing transaction commit too; the interval catches the rest.
  onPushQueued(() => void setTimeout(() => void round(), 200).unref());
  setInterval(() => void round(), seconds * 1000).unref();
}
