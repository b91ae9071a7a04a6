import { db as appDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { safeErrorText } from "@/lib/errors/safe-error-text";
import { metrics } from "@/lib/metrics/registry";
import { keeperTick } from "./keeper-tick";
import type { TickReport } from "./tick-report";

/**
 * Starts the background keeper in this server process. Every instance runs
 * rounds on the interval and claims its share of the due connections through
 * the database (claim-batch.ts). KEEPER_INTERVAL_SECONDS=0 turns it off (the
 * end-to-end tests do, to control time themselves). Returns a stop function.
 */
export function startKeeper(
  options: { db?: () => Db; firstRoundAfterMs?: number; log?: Pick<Console, "log" | "error"> } = {},
): () => void {
  const env = getEnv();
  const seconds = env.keeperIntervalSeconds;
  if (seconds === 0) return () => undefined;
  const getDb = options.db ?? appDb;
  const log = options.log ?? console;
  const instance = `${process.pid}`;
  let running = false;
  const tick = async () => {
    if (running) return; // the last round is still going: this one is skipped, not stacked
    running = true;
    const startedAt = performance.now();
    try {
      const report = await keeperTick(getDb(), {
        instance,
        concurrency: env.keeperConcurrency,
        // Leave room before the next round; claims outlive a round comfortably.
        budgetMs: seconds * 750,
        claimMs: Math.max(5 * 60_000, seconds * 3000),
      });
      metrics().keeperRounds.inc({ outcome: report.unfinished ? "unfinished" : "finished" });
      logReport(log, report);
    } catch (error) {
      metrics().keeperRounds.inc({ outcome: "failed" });
      log.error(`[keeper] round failed: ${safeErrorText(error)}. The next round tries again.`);
    } finally {
      metrics().keeperRoundSeconds.observe((performance.now() - startedAt) / 1000);
      running = false;
    }
  };
  const interval = setInterval(() => void tick(), seconds * 1000);
  const first = setTimeout(() => void tick(), options.firstRoundAfterMs ?? 5_000);
  interval.unref();
  first.unref();
  return () => {
    clearInterval(interval);
    clearTimeout(first);
  };
}

function logReport(log: Pick<Console, "log">, report: TickReport): void {
  const { unfinished, leftDue, ...counts } = report;
  if (unfinished)
    log.log(
      `[keeper] round could not finish in time: ${leftDue} connections still past due (the next round takes them first). ${JSON.stringify(counts)}`,
    );
  else if (Object.values(counts).some((n) => n > 0)) log.log(`[keeper] ${JSON.stringify(counts)}`);
}
