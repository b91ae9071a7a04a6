import { describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// bcryptjs on the main thread holds the event loop for 100 ms slices; every
// sign-in then delays every token request. Here the main thread's bcryptjs
// throws: hashing and checking must still work, so they run elsewhere.
vi.mock("bcryptjs", () => {
  const onMainThread = () => {
    throw new Error("bcrypt ran on the main thread");
  };
  return {
    default: { hash: onMainThread, compare: onMainThread, hashSync: onMainThread, compareSync: onMainThread },
  };
});

describe("password hashing", () => {
  it("runs in the password thread, never on the main thread", async () => {
    const hash = await hashPassword("a long enough password");
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword("a long enough password", hash)).toBe(true);
    expect(await verifyPassword("another password", hash)).toBe(false);
  });

  it("answers a stored hash that is no bcrypt hash with no match", async () => {
    expect(await verifyPassword("x", "-")).toBe(false);
  });
});
