import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { authenticate } from "./authenticate";
import type * as Password from "./password";
import { hashPassword } from "./password";
import { SIGN_IN_LIMIT } from "./rate-limit";

// Count every password hash comparison the sign-in makes.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof Password>();
  return {
    ...real,
    verifyPassword: (password: string, hash: string) => {
      checks.count++;
      return real.verifyPassword(password, hash);
    },
    burnPasswordCheck: (password: string) => {
      checks.count++;
      return real.burnPasswordCheck(password);
    },
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
    expect(results.filter((r) => !r.ok && r.reason === "RateLimited").length).toBe(200 - checks.count);
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
});
