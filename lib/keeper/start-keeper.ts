import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { holdKeeperLease } from "./keeper-lease";
import { keeperTick } from "./keeper-tick";
import { leaseOwnerId } from "@/lib/credentials/tokens/refresh-lease";

/**
 * Starts the background keeper in this server process. Every instance runs
 * the timer; only the lease holder does the work. KEEPER_INTERVAL_SECONDS=0
 * turns it off (the end-to-end tests do, to control time themselves).
 */
export function startKeeper(): void {
  const seconds = getEnv().keeperIntervalSeconds;
  if (seconds === 0) return;
  const owner = leaseOwnerId();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (await holdKeeperLease(db(), owner, seconds * 3 * 1000)) {
        const report = await keeperTick(db());
        const busy = Object.values(report).some((n) => n > 0);
        if (busy) console.log(`[keeper] ${JSON.stringify(report)}`);
      }
    } catch (error) {
      console.error("[keeper] round failed:", error instanceof Error ? error.message : "unknown error");
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), seconds * 1000).unref();
  setTimeout(() => void tick(), 5_000).unref();
}
