import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { countedPassword } from "@/testing/auth/counted-password";
import { createTempDatabase } from "@/lib/db/temp-database";
import { ATTEMPT_LIMITS } from "@/lib/auth/rate-limit";
import { ownerContext } from "@/testing/workspaces/owner-context";
import { acceptInvite, acceptInviteAsNewUser } from "./accept-invite";
import { createInvite } from "./create-invite";
import { findInvite, inviteStateMessages, wrongAddressMessage } from "./find-invite";
import { hashInviteToken } from "./invite-token";

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", () => countedPassword(hashes));

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let ctx: WorkspaceContext;
beforeAll(async () => {
  temp = await createTempDatabase();
  ctx = await ownerContext(temp.db, "Olga");
  // Someone with an account here who is not in Olga's workspace.
  for (const name of ["Eve", "Fay"])
    await temp.db.user.create({
      data: { email: `${name.toLowerCase()}@example.com`, name, passwordHash: "x" },
    });
});
afterAll(() => temp.cleanup());

const invite = async (email: string) => (await createInvite(temp.db, ctx, { role: "member", email })).token;

const join = (inviteToken: string, email: string) =>
  acceptInviteAsNewUser(temp.db, {
    token: inviteToken,
    name: "Nina",
    email,
    password: "a long enough password",
  });

/** The AppError a refused call throws. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code?: string; userMessage?: string; fieldErrors?: Record<string, string> },
  );
  if (!error) throw new Error("expected a refusal");
  return { code: error.code, userMessage: error.userMessage, fieldErrors: error.fieldErrors };
}

describe("an invite names the email it is for", () => {
  it("is made for one address, written in lower case; an address already in the workspace is refused", async () => {
    const token = await invite("  Nina.New@Example.COM ");
    expect(await findInvite(temp.db, token)).toMatchObject({ state: "valid", email: "nina.new@example.com" });
    expect(await refusal(createInvite(temp.db, ctx, { role: "admin", email: "olga@example.com" }))).toEqual({
      code: "conflict",
      userMessage: "Please check the highlighted fields.",
      fieldErrors: { email: `olga@example.com is already a member of ${ctx.workspace.name}.` },
    });
  });

  it("joining with another address is refused in words before any hash; whether that address has an account never shows", async () => {
    const token = await invite("nina@example.com");
    hashes.count = 0;
    const withAccount = await refusal(join(token, "eve@example.com"));
    const without = await refusal(join(token, "nobody@example.com"));
    expect(withAccount).toEqual(without);
    expect(withAccount).toEqual({
      code: "forbidden",
      userMessage: wrongAddressMessage("nina@example.com"),
      fieldErrors: { email: "Use nina@example.com, the address this invite is for." },
    });
    expect(withAccount.userMessage).toBe(
      "This invite is for nina@example.com. Join with that address, or ask the person who sent it for an invite to yours.",
    );
    expect(hashes.count).toBe(0);
    expect(await temp.db.user.count({ where: { email: "nobody@example.com" } })).toBe(0);
    expect((await findInvite(temp.db, token)).state).toBe("valid");

    await expect(join(token, "Nina@Example.com")).resolves.toEqual({ slug: ctx.workspace.slug });
    const nina = await temp.db.user.findUniqueOrThrow({ where: { email: "nina@example.com" } });
    expect(
      await temp.db.membership.count({ where: { workspaceId: ctx.workspace.id, userId: nina.id } }),
    ).toBe(1);
  });

  it("the invite's own address that has an account is told to sign in (about that address only)", async () => {
    const token = await invite("eve@example.com");
    expect(await refusal(join(token, "eve@example.com"))).toMatchObject({
      code: "conflict",
      userMessage:
        "An account with this email already exists. Sign in first, then open the invite link again.",
    });
    expect((await findInvite(temp.db, token)).state).toBe("valid");
  });

  it("signed in: only the invited address joins", async () => {
    const token = await invite("eve@example.com");
    const eve = await temp.db.user.findUniqueOrThrow({ where: { email: "eve@example.com" } });
    const pat = await temp.db.user.create({
      data: { email: "pat@example.com", name: "Pat", passwordHash: "x" },
    });
    expect(
      await refusal(acceptInvite(temp.db, { token, userId: pat.id, userName: "Pat", userEmail: pat.email })),
    ).toMatchObject({ code: "forbidden", userMessage: wrongAddressMessage("eve@example.com") });
    expect((await findInvite(temp.db, token)).state).toBe("valid");
    await expect(
      acceptInvite(temp.db, { token, userId: eve.id, userName: "Eve", userEmail: "EVE@example.com" }),
    ).resolves.toEqual({ slug: ctx.workspace.slug });
    expect((await findInvite(temp.db, token)).state).toBe("used");
  });

  it("an invite made before invites named an address works for nobody", async () => {
    const token = "an-old-invite-token-0123456789abcdef";
    await temp.db.invite.create({
      data: {
        workspaceId: ctx.workspace.id,
        role: "admin",
        tokenHash: hashInviteToken(token),
        createdById: ctx.user.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect(await findInvite(temp.db, token)).toEqual({ state: "revoked" });
    expect((await refusal(join(token, "squatter@example.com"))).userMessage).toBe(
      inviteStateMessages.revoked,
    );
  });
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
    // The invite's own address already has an account: every attempt would hash, then fail.
    const token = await invite("fay@example.com");
    hashes.count = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => join(token, "fay@example.com")),
    );
    expect(hashes.count).toBeLessThanOrEqual(ATTEMPT_LIMITS.invite!);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    // A burst may crowd itself out below the limit; one by one, the rest of
    // the allowance is used up, and never more.
    for (;;) {
      const error: unknown = await join(token, "fay@example.com").catch((e: unknown) => e);
      if ((error as { code?: string }).code === "rate_limited") break;
    }
    expect(hashes.count).toBe(ATTEMPT_LIMITS.invite);
    await expect(join(token, "fay@example.com")).rejects.toMatchObject({ code: "rate_limited" });
  }, 60_000);
});
