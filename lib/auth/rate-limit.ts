import type { Db } from "@/lib/db/client";

/**
 * Failed sign-ins are counted per email and per network address in the
 * database, so every app instance enforces the same limit. An address gets
 * more room than an email: colleagues behind one office NAT share it.
 */
export const SIGN_IN_LIMIT = { perEmail: 10, perAddress: 50, windowMs: 15 * 60 * 1000 };

export function rateLimitKeys(email: string, ip: string | null): string[] {
  return [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
}

export async function isRateLimited(db: Db, keys: string[], now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_LIMIT.windowMs);
  for (const key of keys) {
    const count = await db.loginAttempt.count({ where: { key, createdAt: { gt: since } } });
    if (count >= (key.startsWith("ip:") ? SIGN_IN_LIMIT.perAddress : SIGN_IN_LIMIT.perEmail)) return true;
  }
  return false;
}

export async function recordFailedSignIn(db: Db, keys: string[], now = new Date()): Promise<void> {
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
  // Old rows are useless; trim them as we go instead of running a job.
  await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs) } },
  });
}

export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: `email:${email}` } });
}
