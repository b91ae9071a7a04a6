import { existsSync, readFileSync, readdirSync } from "node:fs";
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

  // Linux's per-thread nice value, field 19 of /proc/self/task/<id>/stat (after the "(name)").
  const lowestPriorityThreads = () =>
    readdirSync("/proc/self/task").filter((id) => {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16] === "19";
    }).length;

  it.runIf(existsSync("/proc/self/task"))(
    "runs at the lowest CPU priority, so serving tokens goes first when CPU is short",
    async () => {
      await verifyPassword("x", "-");
      // The password thread, and nothing else of this process.
      expect(lowestPriorityThreads()).toBe(1);
    },
  );
});
