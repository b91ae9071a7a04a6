import type { Db } from "@/lib/db/client";
import { runConnectionTest } from "@/lib/credentials/run-connection-test";
import { markExpiringSoon, markNeedsReconnect } from "@/lib/credentials/transitions";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { metrics } from "@/lib/metrics/registry";
import { claimBatch, finishClaim, releaseClaims } from "./claim-batch";
import {
  MIN_RESCHEDULE_MS,
  RENEW_AHEAD_MS,
  decideAction,
  keeperRowSelect,
  nextDueAt,
  type KeeperAction,
  type KeeperRow,
} from "./keeper-rules";
import { emptyTickReport, type TickReport } from "./tick-report";

const LEGACY_WARNING_MS = 7 * 24 * 60 * 60_000;
const KEEPER = { system: true as const, label: "Token keeper" };

export type TickOptions = {
  /** The round's clock; renewals inside read the process clock. Default: now. */
  now?: Date;
  /** This instance's name in claims (one per process). */
  instance?: string;
  /** Jobs run at once (KEEPER_CONCURRENCY). */
  concurrency?: number;
  /** Rows claimed at a time. */
  batchSize?: number;
  /** Wall time after which the round starts nothing new and lets its unstarted rows go. */
  budgetMs?: number;
  /** How long a claim holds against other instances; longer than a round. */
  claimMs?: number;
};

const DEFAULTS = { concurrency: 4, batchSize: 200, budgetMs: 45_000, claimMs: 5 * 60_000 };

/**
 * One round of the background keeper, shared by every instance that runs it:
 * - claims due connections in batches, oldest due first (claim-batch.ts),
 *   and for each one renews, keeps alive, tests or just reschedules it
 *   (keeper-rules.ts), a few at a time;
 * - legacy tokens are marked Expiring soon within 7 days, and Needs
 *   reconnect once expired; OAuth credentials whose refresh token (by its
 *   exp hint) runs out within 7 days are marked Expiring soon too — each
 *   sweep at most SWEEP_LIMIT rows a round (transition-writes.ts); the next
 *   round takes the rest.
 */
export async function keeperTick(db: Db, options: TickOptions = {}): Promise<TickReport> {
  const now = options.now ?? new Date();
  const { concurrency, batchSize, budgetMs, claimMs } = { ...DEFAULTS, ...stripUndefined(options) };
  const instance = options.instance ?? `${process.pid}`;
  const report = emptyTickReport();
  const startedAt = performance.now();
  const outOfTime = () => performance.now() - startedAt > budgetMs;

  for (;;) {
    if (outOfTime()) {
      report.unfinished = true;
      break;
    }
    const { owner, rows } = await claimBatch(db, { instance, now, size: batchSize, claimMs });
    if (rows.length === 0) break;
    const unstarted = await runPool(rows, concurrency, outOfTime, (row) =>
      handle(db, row, owner, now, report),
    );
    if (unstarted.length > 0) {
      await releaseClaims(
        db,
        unstarted.map((row) => row.id),
        owner,
      );
      report.unfinished = true;
      break;
    }
  }
  if (report.unfinished) report.leftDue = await db.credential.count({ where: { keeperDueAt: { lte: now } } });

  await markLegacyAndHints(db, now, report);
  return report;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Runs `work` over `items`, `limit` at a time; stops starting new ones once `stop()`; returns those never started. */
async function runPool<T>(
  items: T[],
  limit: number,
  stop: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<T[]> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return items.slice(next);
}

async function handle(db: Db, row: KeeperRow, owner: string, now: Date, report: TickReport): Promise<void> {
  const action = decideAction(row, now);
  let result = "ok";
  try {
    result = await runAction(db, row, action, report);
  } catch (error) {
    // A database hiccup on one row must not end the round.
    result = "error";
    console.error(
      `[keeper] ${action} of credential ${row.id} failed:`,
      error instanceof Error ? error.name : "unknown error",
    );
  }
  metrics().keeperJobs.inc({ action, result });
  const fresh =
    action === "none"
      ? row
      : await db.credential.findUnique({ where: { id: row.id }, select: keeperRowSelect });
  if (!fresh) return; // deleted meanwhile
  // After an error the row comes back next round (a token may be running out).
  const next = result === "error" ? new Date(now.getTime() + MIN_RESCHEDULE_MS) : nextDueAt(fresh, now);
  await finishClaim(db, fresh, owner, next);
}

async function runAction(db: Db, row: KeeperRow, action: KeeperAction, report: TickReport): Promise<string> {
  if (action === "none") {
    report.rescheduled++;
    return "ok";
  }
  if (action === "renew" || action === "keep_alive") {
    try {
      const token = await getAccessToken(
        db,
        row.id,
        // keep_alive: renew even a valid token — unless someone renewed since this row was read.
        action === "renew" ? { minValidityMs: RENEW_AHEAD_MS } : { staleVersion: row.version },
      );
      if (token.version !== row.version) report.renewed++;
    } catch (error) {
      if (!(error instanceof TokenUnavailableError)) throw error;
      report.renewFailed++;
      return "renew_failed";
    }
    if (action === "renew") return "ok";
  }
  // The test reuses the token just renewed (keep_alive), or renews one that has run out (an idle row).
  const result = await runConnectionTest(db, row, { actor: KEEPER, auditSuccess: false });
  if (result.ok) report.tested++;
  else report.testFailed++;
  return result.ok ? "ok" : "test_failed";
}

async function markLegacyAndHints(db: Db, now: Date, report: TickReport): Promise<void> {
  report.markedExpired = await markNeedsReconnect(
    db,
    {
      where: {
        method: "access_token",
        status: { in: ["connected", "expiring_soon"] },
        accessTokenExpiresAt: { lt: now },
      },
    },
    {
      now,
      error: {
        code: "expired",
        message: "The pasted access token has expired. Paste a new one (Reconnect).",
      },
    },
  );
  const expiring = await markExpiringSoon(db, {
    where: {
      method: "access_token",
      status: "connected",
      accessTokenExpiresAt: { lt: new Date(now.getTime() + LEGACY_WARNING_MS) },
    },
  });
  // OAuth: the refresh token's own expiry (a hint read from the token) within a week.
  const refreshExpiring = await markExpiringSoon(
    db,
    {
      where: {
        method: "oauth",
        status: "connected",
        refreshTokenExpiresAt: { lt: new Date(now.getTime() + LEGACY_WARNING_MS) },
      },
    },
    {
      message:
        "Zoom’s refresh token for this connection expires within a week. Reconnect it before then to keep it working.",
    },
  );
  report.markedExpiring = expiring + refreshExpiring;
}
