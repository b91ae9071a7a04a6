import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { authenticate as authenticateWithPause } from "./authenticate";
import type * as Password from "./password";
import { PASSWORD_WORK, hashPassword } from "./password";
import { SIGN_IN_LIMIT } from "./rate-limit";

// Refusals are answered after a pause (authenticate.test.ts); these tests need no waiting.
const authenticate = (...[db, input, ip]: Parameters<typeof authenticateWithPause>) =>
  authenticateWithPause(db, input, ip, { refusalPauseMs: 0 });

// Count every password hash comparison the sign-in makes (one refused as busy made none).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof Password>();
  const counted =
    <A extends unknown[]>(check: (...args: A) => Promise<boolean>) =>
    async (...args: A) => {
      const valid = await check(...args);
      checks.count++;
      return valid;
    };
  return {
    ...real,
    verifyPassword: counted(real.verifyPassword),
    burnPasswordCheck: counted(real.burnPasswordCheck),
  };
});

let temp: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  temp = await createTempDatabase();
  await temp.db.user.create({
    data: { email: "cara@example.com", name: "Cara", passwordHash: await hashPassword("right password!") },
  });
});
afterAll(() => temp.cleanup());

describe("the sign-in limit under concurrency", () => {
  it("lets at most the allowed number of 200 parallel wrong passwords reach a password check", async () => {
    checks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        authenticate(temp.db, { email: "cara@example.com", password: `guess ${i}` }, null),
      ),
    );
    expect(checks.count).toBeLessThanOrEqual(SIGN_IN_LIMIT.perEmail);
    expect(results.filter((r) => !r.ok && r.reason === "CredentialsSignin").length).toBe(checks.count);
    // The rest were refused: by the limit, or (the queue of password checks being full) as busy.
    expect(results.filter((r) => !r.ok && (r.reason === "RateLimited" || r.reason === "Busy")).length).toBe(
      200 - checks.count,
    );
    // Refused attempts may crowd each other out, so a burst can get fewer
    // checks than allowed; one by one, the rest of the allowance is used up
    // and never more.
    let more = 0;
    while (
      !(await authenticate(temp.db, { email: "cara@example.com", password: `later ${more}` }, null).then(
        (r) => !r.ok && r.reason === "RateLimited",
      ))
    )
      more++;
    expect(checks.count).toBe(SIGN_IN_LIMIT.perEmail);
    expect(
      await authenticate(temp.db, { email: "cara@example.com", password: "right password!" }, null),
    ).toEqual({ ok: false, reason: "RateLimited" });
  }, 60_000);

  it("does the same for an unknown email (the dummy check is a hash check too)", async () => {
    checks.count = 0;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        authenticate(temp.db, { email: "nobody@example.com", password: `guess ${i}` }, null),
      ),
    );
    expect(checks.count).toBeLessThanOrEqual(SIGN_IN_LIMIT.perEmail);
  }, 60_000);

  it("answers a flood from many addresses with busy beyond the queue, without a check or a count", async () => {
    checks.count = 0;
    const flood = Array.from({ length: 60 }, (_, i) => ({
      email: `flood${i}@example.com`,
      ip: `10.7.${Math.floor(i / 250)}.${i % 250}`,
    }));
    const results = await Promise.all(
      flood.map(({ email, ip }) => authenticate(temp.db, { email, password: "a guess" }, ip)),
    );
    const busy = flood.filter((_, i) => {
      const result = results[i]!;
      return !result.ok && result.reason === "Busy";
    });
    // One check runs and a few wait; everyone else is told at once to try again in a moment.
    expect(busy.length).toBeGreaterThanOrEqual(60 - (PASSWORD_WORK.running + PASSWORD_WORK.waiting) * 3);
    expect(results.filter((r) => !r.ok && r.reason === "CredentialsSignin").length).toBe(checks.count);
    expect(checks.count + busy.length).toBe(60);
    // A busy answer checked no password, so it counts against neither the email nor the address.
    expect(
      await temp.db.loginAttempt.count({
        where: { key: { in: busy.flatMap(({ email, ip }) => [`email:${email} from ${ip}`, `ip:${ip}`]) } },
      }),
    ).toBe(0);
  }, 60_000);
});
