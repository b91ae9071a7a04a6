import { createHash, timingSafeEqual } from "node:crypto";
import { isPostgres, type Db } from "@/lib/db/client";
import { CREDENTIAL_STATUSES } from "@/lib/credentials/status";
import { metrics } from "./registry";

/** Constant-time: digests of equal length, so neither length nor content leaks through timing. */
export function bearerMatches(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

type GroupRow = { status: string; total: number | bigint; overdue: number | bigint | null };

/**
 * The gauges that describe the whole fleet, from one grouped query when
 * scraped: credentials by status, and the keeper's backlog — connections
 * due more than one keeper interval ago, which a round should have taken.
 * Both read the (status, keeperDueAt) index: cheap at 100,000 rows.
 */
export async function updateFleetGauges(db: Db, now: Date, keeperIntervalSeconds: number): Promise<void> {
  const overdueBefore = new Date(now.getTime() - Math.max(keeperIntervalSeconds, 60) * 1000);
  const sql = `SELECT "status", COUNT(*) AS "total",
      SUM(CASE WHEN "keeperDueAt" < $1 THEN 1 ELSE 0 END) AS "overdue"
    FROM "Credential" GROUP BY "status"`;
  // SQLite keeps DateTime as ISO text (as Prisma writes it), PostgreSQL as a timestamp.
  const rows = isPostgres(db)
    ? await db.$queryRawUnsafe<GroupRow[]>(sql, overdueBefore)
    : await db.$queryRawUnsafe<GroupRow[]>(sql.replace("$1", "?"), overdueBefore.toISOString());
  const m = metrics();
  const seen = new Map(rows.map((row) => [row.status, row]));
  let backlog = 0;
  for (const status of new Set<string>([...CREDENTIAL_STATUSES, ...seen.keys()])) {
    const row = seen.get(status);
    m.connections.set({ status }, Number(row?.total ?? 0));
    backlog += Number(row?.overdue ?? 0);
  }
  m.keeperBacklog.set(backlog);
}
