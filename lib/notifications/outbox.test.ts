import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  markConnected,
  markExpiringSoon,
  markNeedsReconnect,
  markRetrying,
  markRevoked,
} from "@/lib/credentials/transitions";
import { UNREACHABLE_AFTER_MS } from "./event-kinds";
import { recordStatusChange } from "./record-change";
import { runNotificationRound } from "./run-round";
import { notificationFixture, recordingSenders } from "../../testing/notifications/fixture";

let f: Awaited<ReturnType<typeof notificationFixture>>;
beforeAll(async () => {
  f = await notificationFixture();
});
afterAll(() => f.cleanup());

const now = new Date("2026-12-01T10:00:00Z");
const error = { code: "invalid_grant", message: "Zoom no longer accepts this connection's token." };

async function events(credentialId: string) {
  return f.db.notificationEvent.findMany({
    where: { credentialId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, state: true, dedupeKey: true },
  });
}

async function freshCredential(status = "connected") {
  return f.db.credential.create({
    data: {
      workspaceId: f.workspace.id,
      ownerId: f.member.id,
      name: "C",
      method: "oauth",
      status,
      version: 1,
    },
  });
}

describe("the outbox next to the status transitions", () => {
  it("writes one event per change, not per retry, and a recovery closes the loop once", async () => {
    const c = await freshCredential();
    await markNeedsReconnect(f.db, { id: c.id }, { error, now });
    await markNeedsReconnect(f.db, { id: c.id }, { error, now }); // the same change, seen again
    expect(await events(c.id)).toEqual([expect.objectContaining({ kind: "needs_reconnect" })]);
    await runNotificationRound(f.db, recordingSenders().senders, now); // people are told
    await markConnected(f.db, { id: c.id }, { now });
    await markConnected(f.db, { id: c.id }, { now }); // a renewal after the recovery: no news
    expect((await events(c.id)).map((e) => e.kind)).toEqual(["needs_reconnect", "recovered"]);
    // A new break at the new version is a new change.
    await markNeedsReconnect(f.db, { id: c.id }, { error, now });
    expect((await events(c.id)).map((e) => e.kind)).toEqual([
      "needs_reconnect",
      "recovered",
      "needs_reconnect",
    ]);
  });

  it("drops a break nobody was told of yet when it recovers first", async () => {
    const c = await freshCredential();
    await markNeedsReconnect(f.db, { id: c.id }, { error, now });
    await markConnected(f.db, { id: c.id }, { now });
    expect((await events(c.id)).map((e) => [e.kind, e.state])).toEqual([["needs_reconnect", "cancelled"]]);
  });

  it("two instances seeing the same change write one row (the unique key decides, under contention)", async () => {
    const c = await freshCredential("needs_reconnect");
    const instances = [f.db, f.secondInstance(), f.secondInstance(), f.secondInstance()];
    await Promise.all(
      instances.flatMap((db) =>
        [1, 2, 3].map(() =>
          recordStatusChange(db, c.id, "needs_reconnect", { expectStatus: "needs_reconnect", now }),
        ),
      ),
    );
    expect(await events(c.id)).toHaveLength(1);
    await Promise.all(instances.slice(1).map((db) => db.$disconnect()));
  });

  it("says nothing for a first connect, and nothing when a person disconnects", async () => {
    const c = await freshCredential("draft");
    await markConnected(f.db, { id: c.id }, { now });
    await markRevoked(f.db, { id: c.id });
    expect(await events(c.id)).toEqual([]);
  });

  it("notes Zoom's removal, and the keeper's bulk expiring-soon marks, each once", async () => {
    const c = await freshCredential();
    await markExpiringSoon(f.db, { where: { id: c.id, status: "connected" } });
    await markExpiringSoon(f.db, { where: { id: c.id, status: "connected" } });
    await markRevoked(
      f.db,
      { id: c.id },
      { now, reason: { code: "app_deauthorized", message: "Removed in Zoom." } },
    );
    expect((await events(c.id)).map((e) => e.kind)).toEqual(["expiring_soon", "removed_in_zoom"]);
  });

  it("says 'Zoom unreachable' only after an hour of failing, and drops it if a renewal works first", async () => {
    const { senders, emails } = recordingSenders();
    const lease = { leaseOwner: "a" };
    const retrying = async (id: string, at: Date) => {
      await f.db.credential.update({ where: { id }, data: { refreshLeaseOwner: "a" } });
      await markRetrying(f.db, { id, ...lease }, { error, failures: 1, nextAttemptAt: at, now: at });
    };
    const brief = await freshCredential();
    await retrying(brief.id, now);
    await markConnected(f.db, { id: brief.id }, { now: new Date(now.getTime() + 60_000) });
    expect((await events(brief.id)).map((e) => [e.kind, e.state])).toEqual([
      ["zoom_unreachable", "cancelled"],
    ]);

    const long = await freshCredential();
    await retrying(long.id, now);
    await retrying(long.id, new Date(now.getTime() + 30 * 60_000)); // a later retry: still one event
    await runNotificationRound(f.db, senders, new Date(now.getTime() + 59 * 60_000));
    expect(emails.filter((e) => e.subject.includes("Zoom has not answered"))).toHaveLength(0);
    await runNotificationRound(f.db, senders, new Date(now.getTime() + UNREACHABLE_AFTER_MS + 1));
    await runNotificationRound(f.db, senders, new Date(now.getTime() + UNREACHABLE_AFTER_MS + 2));
    expect(emails.filter((e) => e.subject.includes("Zoom has not answered"))).toHaveLength(3);
    await markConnected(f.db, { id: long.id }, { now: new Date(now.getTime() + 2 * UNREACHABLE_AFTER_MS) });
    expect((await events(long.id)).map((e) => e.kind)).toEqual(["zoom_unreachable", "recovered"]);
  });
});
