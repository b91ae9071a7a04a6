import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { countedPassword } from "@/testing/auth/counted-password";
import { createTempDatabase } from "@/lib/db/temp-database";
import { AppError } from "@/lib/errors/app-error";
import { ATTEMPT_LIMITS } from "@/lib/auth/rate-limit";
import { setupFirstWorkspace } from "./create-workspace";

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", () => countedPassword(hashes));

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeEach(async () => {
  temp = await createTempDatabase();
  hashes.count = 0;
});
afterEach(() => temp.cleanup());

const founder = (i: number) => ({
  workspaceName: `Acme ${i}`,
  name: `Founder ${i}`,
  email: `founder${i}@example.com`,
  password: "a long enough password",
});

describe("first-run setup", () => {
  it("lets exactly one of several simultaneous first visitors set up the app", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => setupFirstWorkspace(temp.db, founder(i))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    expect(await temp.db.user.count()).toBe(1);
    expect(await temp.db.workspace.count()).toBe(1);
    expect(await temp.db.membership.count({ where: { role: "owner" } })).toBe(1);
  });

  it("refuses once set up, without hashing the password", async () => {
    await setupFirstWorkspace(temp.db, founder(1));
    hashes.count = 0;
    await expect(setupFirstWorkspace(temp.db, founder(2))).rejects.toMatchObject({ code: "conflict" });
    expect(hashes.count).toBe(0);
  });

  it("hashes at most the allowed number of passwords for a burst of 200 setups", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => setupFirstWorkspace(temp.db, founder(i))),
    );
    expect(hashes.count).toBeLessThanOrEqual(ATTEMPT_LIMITS.setup!);
    // A burst may crowd itself out entirely; never more than one gets in.
    expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(1);
    expect(await temp.db.membership.count({ where: { role: "owner" } })).toBeLessThanOrEqual(1);
  }, 60_000);
});
