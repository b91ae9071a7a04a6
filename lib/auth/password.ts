import { inPasswordThread } from "./password-thread";
import { workLine } from "./password-queue";

// Cost 12 takes ~200 ms here: slow for an attacker, fine for a sign-in.
const COST = 12;

/**
 * One password job at a time, in the password thread (one core's worth of
 * work at most; the main thread stays with the token API), and at most 8
 * waiting: about two seconds of work. A sign-in takes its place for its
 * whole check (authenticate.ts) and is refused beyond that (PasswordWorkBusy)
 * rather than queued behind a flood.
 */
export const PASSWORD_WORK = { running: 1, waiting: 8 };
export const passwordWork = workLine(PASSWORD_WORK);

/** A new account's hash: waits its turn, never refused (its callers are limited and rare). */
export const hashPassword = (password: string) =>
  passwordWork.run(() => inPasswordThread({ op: "hash", password, cost: COST }), { refuseWhenFull: false });

/** A sign-in's check, run by authenticate inside its place in passwordWork. */
export const verifyPassword = (password: string, hash: string) =>
  inPasswordThread({ op: "compare", password, hash });

// Compared against when the email is unknown, so both paths take as long.
const DUMMY_HASH = "$2b$12$eDZMEWm9CVMurCoqBjKAzeUCvHDB4riz9qJDuqB5Vsc59KmUxHnyK";
export const burnPasswordCheck = (password: string) => verifyPassword(password, DUMMY_HASH);
