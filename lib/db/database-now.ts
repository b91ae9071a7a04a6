import { isPostgres, type Db } from "./client";

/**
 * The database's clock. Claims and leases that several instances compare
 * must all be judged on one clock: an instance whose own clock runs ahead
 * would see another's live claim as run out and take its rows.
 */
export async function databaseNow(db: Db): Promise<Date> {
  if (isPostgres(db)) {
    const [row] = await db.$queryRawUnsafe<{ now: Date }[]>(`SELECT now() AS "now"`);
    if (row) return new Date(row.now);
  } else {
    const [row] = await db.$queryRawUnsafe<{ now: string }[]>(
      `SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS "now"`,
    );
    if (row) return new Date(row.now);
  }
  throw new Error("The database did not say what time it is.");
}
