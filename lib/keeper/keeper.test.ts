import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { holdKeeperLease } from "./keeper-lease";
import { keeperTick } from "./keeper-tick";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeEach(async () => {
  temp = await createTempDatabase();
});
afterEach(() => temp.cleanup());

describe("the keeper's lease", () => {
  it("lets one instance run; another takes over only when it lapses", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    expect(await holdKeeperLease(temp.db, "instance-a", 60_000, now)).toBe(true);
    expect(await holdKeeperLease(temp.db, "instance-b", 60_000, now)).toBe(false);
    expect(await holdKeeperLease(temp.db, "instance-a", 60_000, new Date(now.getTime() + 30_000))).toBe(true);
    expect(await holdKeeperLease(temp.db, "instance-b", 60_000, new Date(now.getTime() + 60_000))).toBe(
      false,
    );
    expect(await holdKeeperLease(temp.db, "instance-b", 60_000, new Date(now.getTime() + 91_000))).toBe(true);
  });
});

describe("a keeper round", () => {
  it("flags legacy and refresh tokens expiring within 7 days; expired legacy ones need a person", async () => {
    const now = new Date();
    const user = await temp.db.user.create({
      data: { email: "k@example.com", name: "K", passwordHash: "x" },
    });
    const workspace = await temp.db.workspace.create({ data: { name: "W", slug: "w-k" } });
    const make = (name: string, expiresInMs: number) =>
      temp.db.credential.create({
        data: {
          workspaceId: workspace.id,
          ownerId: user.id,
          name,
          method: "access_token",
          status: "connected",
          accessTokenExpiresAt: new Date(now.getTime() + expiresInMs),
          lastTestedAt: now,
        },
      });
    const far = await make("far", 30 * 86_400_000);
    const oauthSoon = await temp.db.credential.create({
      data: {
        workspaceId: workspace.id,
        ownerId: user.id,
        name: "oauth",
        method: "oauth",
        status: "connected",
        accessTokenExpiresAt: new Date(now.getTime() + 3_600_000),
        refreshTokenExpiresAt: new Date(now.getTime() + 3 * 86_400_000),
        lastTestedAt: now,
      },
    });
    const soon = await make("soon", 2 * 86_400_000);
    const gone = await make("gone", -60_000);
    const report = await keeperTick(temp.db, now);
    expect(report).toMatchObject({ markedExpiring: 2, markedExpired: 1 });
    const status = async (id: string) =>
      (await temp.db.credential.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(await status(far.id)).toBe("connected");
    expect(await status(soon.id)).toBe("expiring_soon");
    expect(await status(gone.id)).toBe("needs_reconnect");
    expect(await status(oauthSoon.id)).toBe("expiring_soon");
  });
});
