import type { Db } from "@/lib/db/client";

const KEEPER_ID = "keeper";

/**
 * One keeper across all app instances: whoever holds the row's lease runs
 * the jobs and renews it; when that instance dies, the lease runs out and
 * another takes over.
 */
export async function holdKeeperLease(
  db: Db,
  owner: string,
  leaseMs: number,
  now = new Date(),
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const taken = await db.keeperLease.updateMany({
    where: { id: KEEPER_ID, OR: [{ owner }, { expiresAt: { lt: now } }] },
    data: { owner, expiresAt: until },
  });
  if (taken.count === 1) return true;
  try {
    await db.keeperLease.create({ data: { id: KEEPER_ID, owner, expiresAt: until } });
    return true;
  } catch {
    return false; // another instance holds it (the row exists)
  }
}
