import { inPasswordThread } from "./password-thread";
import { workLine } from "./password-queue";

// Cost 12 takes ~200 ms here: slow for an attacker, fine for a sign-in.
const COST = 12;

/**
 * One hash at a time, in the password thread (one core's worth of work on a
 * 2-core machine, the other core stays with the token API), and at most 8
 * waiting: about two seconds of work. A sign-in beyond that is refused at
 * once (PasswordWorkBusy) rather than queued behind a flood.
 */
export const PASSWORD_WORK = { running: 1, waiting: 8 };
export const passwordWork = workLine(PASSWORD_WORK);

/** A new account's hash: waits its turn, never refused (its callers are limited and rare). */
export const hashPassword = (password: string) =>
  passwordWork.run(() => inPasswordThread({ op: "hash", password, cost: COST }), { refuseWhenFull: false });

/** A sign-in's check: throws PasswordWorkBusy when the queue is full. */
export const verifyPassword = (password: string, hash: string) =>
  passwordWork.run(() => inPasswordThread({ op: "compare", password, hash }));

// Compared against when the email is unknown, so both paths take as long.
const DUMMY_HASH = "$2b$12$eDZMEWm9CVMurCoqBjKAzeUCvHDB4riz9qJDuqB5Vsc59KmUxHnyK";
export const burnPasswordCheck = (password: string) => verifyPassword(password, DUMMY_HASH);
