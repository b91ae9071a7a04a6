import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";
import { SIGN_IN_LIMIT, rateLimitKeys, recordFailedSignIn } from "./rate-limit";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  temp = await createTempDatabase();
  await temp.db.user.create({
    data: { email: "ann@example.com", name: "Ann", passwordHash: await hashPassword("right password!") },
  });
  await temp.db.user.create({
    data: { email: "bob@example.com", name: "Bob", passwordHash: await hashPassword("right password!") },
  });
});
afterAll(() => temp.cleanup());

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

  it("pauses an email after too many failures, even with the right password", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail; i++)
      await authenticate(temp.db, { email: "bob@example.com", password: `wrong ${i}` }, `10.1.0.${i}`);
    expect(
      await authenticate(temp.db, { email: "bob@example.com", password: "right password!" }, "10.9.9.9"),
    ).toEqual({ ok: false, reason: "RateLimited" });
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
});
