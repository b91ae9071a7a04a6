import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import { burnPasswordCheck, passwordWork, verifyPassword } from "./password";
import { PasswordWorkBusy } from "./password-queue";
import { clearFailedSignIns, forgetAttempt, rateLimitKeys, takeAttempt } from "./rate-limit";
import { signInSchema } from "./schemas";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "InvalidInput" | "CredentialsSignin" | "RateLimited" | "Busy" };

/**
 * A refused sign-in (busy, or over a limit) is answered after this pause. A
 * client that retries the moment it is refused — 50 of them in a flood —
 * would otherwise turn cheap refusals into a stream of requests that keeps
 * the server from everything else; waiting costs the server nothing.
 */
export const REFUSAL_PAUSE_MS = 2000;

/** Email + password check with the rate limit; the Credentials provider calls it. */
export async function authenticate(
  db: Db,
  input: unknown,
  ip: string | null,
  { refusalPauseMs = REFUSAL_PAUSE_MS } = {},
): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "InvalidInput" };
  const { email, password } = parsed.data;
  let result: AuthenticateResult;
  try {
    // The whole check takes its place in the line, its database work too: a sign-in the
    // line refuses costs neither a hash nor a write, and counts against no one.
    result = await passwordWork.run(() => check(db, email, password, ip));
  } catch (error) {
    if (!(error instanceof PasswordWorkBusy)) throw error;
    result = { ok: false, reason: "Busy" };
  }
  if (!result.ok && (result.reason === "Busy" || result.reason === "RateLimited"))
    await sleep(refusalPauseMs);
  return result;
}

async function check(
  db: Db,
  email: string,
  password: string,
  ip: string | null,
): Promise<AuthenticateResult> {
  // Taken before the slow hash: parallel attempts (on other instances too) cannot all slip past the count.
  const attempt = await takeAttempt(db, rateLimitKeys(email, ip));
  if (!attempt.allowed) return { ok: false, reason: "RateLimited" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  // A failure keeps its rows: they are the count.
  if (!user || !valid) return { ok: false, reason: "CredentialsSignin" };
  await forgetAttempt(db, attempt);
  await clearFailedSignIns(db, email, ip);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
