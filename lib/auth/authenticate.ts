import type { Db } from "@/lib/db/client";
import { burnPasswordCheck, verifyPassword } from "./password";
import { clearFailedSignIns, isRateLimited, rateLimitKeys, recordFailedSignIn } from "./rate-limit";
import { signInSchema } from "./schemas";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "InvalidInput" | "CredentialsSignin" | "RateLimited" };

/** Email + password check with the rate limit; the Credentials provider calls it. */
export async function authenticate(db: Db, input: unknown, ip: string | null): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "InvalidInput" };
  const { email, password } = parsed.data;
  const keys = rateLimitKeys(email, ip);
  if (await isRateLimited(db, keys)) return { ok: false, reason: "RateLimited" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !valid) {
    await recordFailedSignIn(db, keys);
    return { ok: false, reason: "CredentialsSignin" };
  }
  await clearFailedSignIns(db, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
