import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { authenticate as authenticateWithPause } from "./authenticate";
import { hashPassword } from "./password";
import { SIGN_IN_LIMIT, rateLimitKeys, recordFailedSignIn } from "./rate-limit";

// Refusals are answered after a pause (its own test below); these tests need no waiting.
const authenticate = (...[db, input, ip]: Parameters<typeof authenticateWithPause>) =>
  authenticateWithPause(db, input, ip, { refusalPauseMs: 0 });

let temp: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  temp = await createTempDatabase();
  await temp.db.user.create({
    data: { email: "ann@example.com", name: "Ann", passwordHash: await hashPassword("right password!") },
  });
  await temp.db.user.create({
    data: { email: "bob@example.com", name: "Bob", passwordHash: cheapHash("right password!") },
  });
});
afterAll(() => temp.cleanup());

// A check costs what the stored hash's cost says: cost 4 keeps the many sign-ins below quick.
const cheapHash = (password: string) => bcrypt.hashSync(password, 4);

describe("authenticate", () => {
  it("accepts the right password, with the email normalised", async () => {
    const result = await authenticate(
      temp.db,
      { email: "  ANN@example.com ", password: "right password!" },
      "10.0.0.1",
    );
    expect(result).toMatchObject({ ok: true, user: { email: "ann@example.com", name: "Ann" } });
  });

  it("says the same thing for a wrong password and an unknown email", async () => {
    expect(await authenticate(temp.db, { email: "ann@example.com", password: "nope" }, "10.0.0.2")).toEqual({
      ok: false,
      reason: "CredentialsSignin",
    });
    expect(
      await authenticate(temp.db, { email: "nobody@example.com", password: "nope" }, "10.0.0.2"),
    ).toEqual({ ok: false, reason: "CredentialsSignin" });
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await authenticate(temp.db, { email: "", password: "" }, null)).toEqual({
      ok: false,
      reason: "InvalidInput",
    });
    expect(await authenticate(temp.db, null, null)).toEqual({ ok: false, reason: "InvalidInput" });
  });

  it("pauses an email at the address that failed too often, even with the right password, and nowhere else", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail; i++)
      await authenticate(temp.db, { email: "bob@example.com", password: `wrong ${i}` }, "10.1.0.1");
    expect(
      await authenticate(temp.db, { email: "bob@example.com", password: "right password!" }, "10.1.0.1"),
    ).toEqual({ ok: false, reason: "RateLimited" });
    // The owner, from elsewhere, is not locked out by someone else's guesses.
    expect(
      (await authenticate(temp.db, { email: "bob@example.com", password: "right password!" }, "10.9.9.9")).ok,
    ).toBe(true);
    // Nor does the owner's success reset the guesser's count.
    expect(
      await authenticate(temp.db, { email: "bob@example.com", password: "wrong again" }, "10.1.0.1"),
    ).toEqual({ ok: false, reason: "RateLimited" });
  });

  it("clears only the signing-in address's failures for the email", async () => {
    const carl = await temp.db.user.create({
      data: { email: "carl@example.com", name: "Carl", passwordHash: cheapHash("right password!") },
    });
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail - 1; i++) {
      await authenticate(temp.db, { email: carl.email, password: `guess ${i}` }, "10.4.0.1");
      await authenticate(temp.db, { email: carl.email, password: `typo ${i}` }, "10.4.0.2");
    }
    expect(
      (await authenticate(temp.db, { email: carl.email, password: "right password!" }, "10.4.0.2")).ok,
    ).toBe(true);
    // 10.4.0.2 starts afresh; 10.4.0.1 has one try left.
    expect(await temp.db.loginAttempt.count({ where: { key: `email:${carl.email} from 10.4.0.2` } })).toBe(0);
    expect(await authenticate(temp.db, { email: carl.email, password: "guess 9" }, "10.4.0.1")).toEqual({
      ok: false,
      reason: "CredentialsSignin",
    });
    expect(await authenticate(temp.db, { email: carl.email, password: "guess 10" }, "10.4.0.1")).toEqual({
      ok: false,
      reason: "RateLimited",
    });
  });

  it("pauses the email itself when no address is known (a bare next start)", async () => {
    const dana = await temp.db.user.create({
      data: { email: "dana@example.com", name: "Dana", passwordHash: cheapHash("right password!") },
    });
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail; i++)
      await authenticate(temp.db, { email: dana.email, password: `wrong ${i}` }, null);
    expect(await authenticate(temp.db, { email: dana.email, password: "right password!" }, null)).toEqual({
      ok: false,
      reason: "RateLimited",
    });
  });

  it("pauses an address that sprays many emails", async () => {
    // The failures themselves are the previous test's business; record them directly.
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++)
      await recordFailedSignIn(temp.db, rateLimitKeys(`spray${i}@example.com`, "10.2.2.2"));
    expect(
      await authenticate(temp.db, { email: "ann@example.com", password: "right password!" }, "10.2.2.2"),
    ).toEqual({ ok: false, reason: "RateLimited" });
    expect(
      (await authenticate(temp.db, { email: "ann@example.com", password: "right password!" }, "10.3.3.3")).ok,
    ).toBe(true);
  });

  it("answers a refused sign-in after a pause, so instant retries cannot become a flood", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++)
      await recordFailedSignIn(temp.db, rateLimitKeys(`paced${i}@example.com`, "10.5.5.5"));
    const started = performance.now();
    const refused = await authenticateWithPause(
      temp.db,
      { email: "ann@example.com", password: "right password!" },
      "10.5.5.5",
      { refusalPauseMs: 300 },
    );
    expect(refused).toEqual({ ok: false, reason: "RateLimited" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
