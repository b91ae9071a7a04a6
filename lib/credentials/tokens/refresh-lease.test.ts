import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { HEARTBEAT_MS, LEASE_MS, extendLease, releaseLease, takeLease, whileLeased } from "./refresh-lease";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";

const t = setupTokenTest();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.useRealTimers();
});

describe("the renewal lease, on the database's clock", () => {
  it("an instance whose clock runs a minute ahead cannot take a live lease", async () => {
    const seeded = await t.seedS2S();
    const otherDb = createDb(t.url);
    try {
      expect(await takeLease(t.db, seeded.id, "on-time")).toBe(true);
      // The other instance's clock is a minute fast: by its clock the lease ran out long ago.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 });
      expect(await takeLease(otherDb, seeded.id, "fast-clock")).toBe(false);
      expect(await extendLease(otherDb, seeded.id, "fast-clock")).toBe(false);
      expect(await t.row(seeded.id)).toMatchObject({ refreshLeaseOwner: "on-time" });
      vi.useRealTimers();

      // The end is "now + LEASE_MS" by the database, whatever the instance's clock says.
      const { refreshLeaseUntil } = await t.row(seeded.id);
      expect(Math.abs((refreshLeaseUntil?.getTime() ?? 0) - (Date.now() + LEASE_MS))).toBeLessThan(2_000);
      await releaseLease(t.db, seeded.id, "on-time");
    } finally {
      await otherDb.$disconnect();
    }
  });

  it("a lease that has run out by the database's clock is taken over, even by an instance whose clock is behind", async () => {
    const seeded = await t.seedS2S();
    expect(await takeLease(t.db, seeded.id, "crashed")).toBe(true);
    await t.db.credential.update({
      where: { id: seeded.id },
      data: { refreshLeaseUntil: new Date(Date.now() - 1_000) },
    });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 60_000 });
    expect(await takeLease(t.db, seeded.id, "late")).toBe(true);
    vi.useRealTimers();
    expect(await t.row(seeded.id)).toMatchObject({ refreshLeaseOwner: "late" });
    await releaseLease(t.db, seeded.id, "late");
  });

  it(
    "the heartbeat keeps the lease while the work runs longer than LEASE_MS; then it is released",
    async () => {
      const seeded = await t.seedS2S();
      const otherDb = createDb(t.url);
      try {
        expect(await takeLease(t.db, seeded.id, "holder")).toBe(true);
        let stolen = false;
        const work = whileLeased(t.db, seeded.id, "holder", () => sleep(LEASE_MS + 2 * HEARTBEAT_MS));
        const thief = (async () => {
          while (!(await Promise.race([work.then(() => true), sleep(250).then(() => false)]))) {
            if (await takeLease(otherDb, seeded.id, "thief")) stolen = true;
          }
        })();
        await work;
        await thief;
        expect(stolen).toBe(false);
        expect(await t.row(seeded.id)).toMatchObject({ refreshLeaseOwner: null, refreshLeaseUntil: null });
        expect(await takeLease(otherDb, seeded.id, "next")).toBe(true);
      } finally {
        await otherDb.$disconnect();
      }
    },
    LEASE_MS + 15_000,
  );
});
