import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { runNotificationRound } from "./run-round";
import { appSenders } from "./senders";

/**
 * Starts this process's notification worker. Unlike the keeper every
 * instance works: each claims its rows through the database, so they share
 * the queue without sending anything twice. NOTIFY_INTERVAL_SECONDS=0 turns it off.
 */
export function startNotifier(): void {
  const seconds = getEnv().notifyIntervalSeconds;
  if (seconds === 0) return;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runNotificationRound(db(), appSenders());
      if (Object.values(report).some((n) => n > 0)) console.log(`[notify] ${JSON.stringify(report)}`);
    } catch (error) {
      console.error("[notify] round failed:", error instanceof Error ? error.message : "unknown error");
    } finally {
      running = false;
    }
  };
  setInterval(() => void round(), seconds * 1000).unref();
}
