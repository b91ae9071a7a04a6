import type { Db } from "@/lib/db/client";

/**
 * Password checks are limited per key (an email, a network address, an
 * invite, first-run setup) in the database, so every app instance enforces
 * the same limit. An address gets more room than an email: colleagues behind
 * one office NAT share it.
 */
export const SIGN_IN_LIMIT = { perEmail: 10, perAddress: 50, windowMs: 15 * 60 * 1000 };

/** The most attempts per window for a key; its kind is the part before the colon. */
export const ATTEMPT_LIMITS: Record<string, number> = {
  email: SIGN_IN_LIMIT.perEmail,
  ip: SIGN_IN_LIMIT.perAddress,
  invite: 10,
  setup: 10,
};

export const TOO_MANY_ATTEMPTS =
  "Too many attempts. For your safety, this form is paused for 15 minutes. Try again later.";

/**
 * A sign-in counts against its email *from its address*, and against its
 * address. Failures from elsewhere never pause the owner's own sign-in,
 * while an address guessing one account is paused after perEmail tries and
 * one trying many after perAddress. Without a known address (a bare
 * `next start`, see client-address.ts) it counts against the email alone.
 */
export function rateLimitKeys(email: string, ip: string | null): string[] {
  return ip ? [`email:${email} from ${ip}`, ...addressKeys(ip)] : [`email:${email}`];
}

export const addressKeys = (ip: string | null) => (ip ? [`ip:${ip}`] : []);

export type Attempt = { allowed: boolean; ids: string[] };

/**
 * Records the attempt first, then counts: of any number of parallel
 * attempts, at most the limit see a count within it, because each one's
 * own row is written before it looks. An attempt that is refused removes its
 * rows again, so hammering a paused key does not keep it paused for ever.
 */
export async function takeAttempt(db: Db, keys: string[], now = new Date()): Promise<Attempt> {
  const rows = await db.loginAttempt.createManyAndReturn({
    data: keys.map((key) => ({ key, createdAt: now })),
    select: { id: true },
  });
  const ids = rows.map((row) => row.id);
  const since = new Date(now.getTime() - SIGN_IN_LIMIT.windowMs);
  for (const key of keys) {
    const count = await db.loginAttempt.count({ where: { key, createdAt: { gt: since } } });
    if (count > (ATTEMPT_LIMITS[key.split(":")[0]!] ?? SIGN_IN_LIMIT.perEmail)) {
      await forgetAttempt(db, { allowed: false, ids });
      return { allowed: false, ids: [] };
    }
  }
  // Old rows are useless; trim them as we go instead of running a job.
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: since } } });
  return { allowed: true, ids };
}

/** The attempt succeeded: it does not count against anyone. */
export async function forgetAttempt(db: Db, attempt: Attempt): Promise<void> {
  if (attempt.ids.length) await db.loginAttempt.deleteMany({ where: { id: { in: attempt.ids } } });
}

/** Test helper and bookkeeping: a failure recorded without a password check. */
export async function recordFailedSignIn(db: Db, keys: string[], now = new Date()): Promise<void> {
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
}

/** A right password from an address clears that address's failures for the email, no one else's. */
export async function clearFailedSignIns(db: Db, email: string, ip: string | null): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: rateLimitKeys(email, ip)[0]! } });
}
