import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { countedPassword } from "@/lib/auth/testing/counted-password";
import { createTempDatabase } from "@/lib/db/temp-database";
import { ATTEMPT_LIMITS } from "@/lib/auth/rate-limit";
import { ownerContext } from "@/lib/workspaces/testing/owner-context";
import { acceptInviteAsNewUser } from "./accept-invite";
import { createInvite } from "./create-invite";
import { inviteStateMessages } from "./find-invite";

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", () => countedPassword(hashes));

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let token: string;
beforeAll(async () => {
  temp = await createTempDatabase();
  const ctx = await ownerContext(temp.db, "Olga");
  ({ token } = await createInvite(temp.db, ctx, { role: "member" }));
});
afterAll(() => temp.cleanup());

const join = (inviteToken: string, email: string) =>
  acceptInviteAsNewUser(temp.db, {
    token: inviteToken,
    name: "Eve",
    email,
    password: "a long enough password",
  });

describe("joining by invite as a new person", () => {
  it("answers a bad link before looking at the email, so it never tells who has an account", async () => {
    hashes.count = 0;
    for (const bad of ["nonsense", "A".repeat(32)]) {
      await expect(join(bad, "olga@example.com")).rejects.toMatchObject({
        userMessage: inviteStateMessages.unknown,
      });
      await expect(join(bad, "nobody@example.com")).rejects.toMatchObject({
        userMessage: inviteStateMessages.unknown,
      });
    }
    expect(hashes.count).toBe(0);
  });

  it("hashes at most the allowed number of passwords for a burst on one link", async () => {
    hashes.count = 0;
    // An existing email fails after the hash, so every attempt would hash.
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => join(token, "olga@example.com")),
    );
    expect(hashes.count).toBeLessThanOrEqual(ATTEMPT_LIMITS.invite!);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    // A burst may crowd itself out below the limit; one by one, the rest of
    // the allowance is used up, and never more.
    for (;;) {
      const error: unknown = await join(token, "olga@example.com").catch((e: unknown) => e);
      if ((error as { code?: string }).code === "rate_limited") break;
    }
    expect(hashes.count).toBe(ATTEMPT_LIMITS.invite);
    await expect(join(token, "new@example.com")).rejects.toMatchObject({ code: "rate_limited" });
  }, 60_000);
});
