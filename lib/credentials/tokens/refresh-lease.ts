import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";

/**
 * One refresh per credential across every app instance: a lease row taken
 * with a conditional update, which SQLite and PostgreSQL both make atomic.
 * The lease outlives the Zoom call's timeout (10 s) by far, so it cannot run
 * out while its holder is still waiting for Zoom.
 */
export const LEASE_MS = 60_000;

export const leaseOwnerId = () => `${process.pid}:${randomUUID()}`;

export async function takeLease(
  db: Db,
  credentialId: string,
  owner: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db.credential.updateMany({
    where: { id: credentialId, OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }] },
    data: { refreshLeaseOwner: owner, refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return result.count === 1;
}

export async function releaseLease(db: Db, credentialId: string, owner: string): Promise<void> {
  await db.credential.updateMany({
    where: { id: credentialId, refreshLeaseOwner: owner },
    data: { refreshLeaseOwner: null, refreshLeaseUntil: null },
  });
}
