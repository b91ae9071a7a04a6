import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markNeedsReconnect } from "@/lib/credentials/transitions";
import { encrypt } from "@/lib/crypto";
import { webhookSecretContext } from "@/lib/crypto/encrypted-columns";
import { retryDelayMs } from "./deliver";
import { GIVE_UP_AFTER_MS } from "./fan-out";
import { KEEP_HISTORY_MS, runNotificationRound } from "./run-round";
import { notificationFixture, recordingSenders } from "../../testing/notifications/fixture";

let f: Awaited<ReturnType<typeof notificationFixture>>;
beforeAll(async () => {
  f = await notificationFixture();
  const id = "hook1";
  await f.db.webhookEndpoint.create({
    data: {
      id,
      workspaceId: f.workspace.id,
      url: "https://hooks.example.com/in",
      secretEnc: encrypt("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", webhookSecretContext(id)),
    },
  });
});
afterAll(() => f.cleanup());

const error = { code: "invalid_grant", message: "Zoom no longer accepts this connection's token." };
let clock = new Date("2026-12-01T10:00:00Z").getTime();
const later = (ms = 1) => new Date((clock += ms));

async function breakOne(name: string) {
  const c = await f.db.credential.create({
    data: { workspaceId: f.workspace.id, ownerId: f.member.id, name, method: "oauth", status: "connected" },
  });
  await markNeedsReconnect(f.db, { id: c.id }, { error, now: later() });
  return c;
}

describe("the notification worker", () => {
  it("emails the owner and the admins, minus who turned it off, and posts the webhook", async () => {
    await f.db.notificationPreference.create({
      data: { workspaceId: f.workspace.id, userId: f.admin.id, emailOff: true },
    });
    const { senders, emails, webhooks } = recordingSenders();
    await breakOne("Sales Zoom");
    await runNotificationRound(f.db, senders, later());
    expect(emails.map((e) => e.to).sort()).toEqual([f.member.email, f.owner.email].sort());
    expect(emails[0]!.subject).toBe("“Sales Zoom” needs to be reconnected");
    expect(emails[0]!.text).toContain("Why: Zoom no longer accepts this connection's token.");
    expect(emails[0]!.text).toMatch(/https:\/\/wizard\.example\.com\/w\/.+\/credentials\/\w+/);
    expect(webhooks).toHaveLength(1);
    expect(JSON.parse(webhooks[0]!.body)).toMatchObject({
      type: "connection.needs_reconnect",
      data: { credentialName: "Sales Zoom" },
    });
    await f.db.notificationPreference.deleteMany({});
  });

  it("sends each delivery exactly once when two instances race on one outbox", async () => {
    for (let i = 0; i < 30; i++) await breakOne(`Race ${i}`);
    const { senders, emails, webhooks } = recordingSenders();
    const other = f.secondInstance();
    const at = later();
    // Several rounds of two workers at once until the queue is empty (30 events × 4 deliveries, 25 per round).
    for (let round = 0; round < 10; round++)
      await Promise.all([runNotificationRound(f.db, senders, at), runNotificationRound(other, senders, at)]);
    await other.$disconnect();
    expect(webhooks).toHaveLength(30);
    expect(new Set(webhooks.map((w) => w.messageId)).size).toBe(30);
    expect(emails).toHaveLength(30 * 3);
    expect(new Set(emails.map((e) => `${e.to} ${e.subject}`)).size).toBe(30 * 3);
    expect(await f.db.notificationDelivery.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("retries a failure with back-off, logs each attempt, and gives up after a day", async () => {
    let failing = true;
    const { senders, webhooks } = recordingSenders(() => failing);
    const c = await breakOne("Flaky");
    const start = later();
    await runNotificationRound(f.db, senders, start);
    const delivery = await f.db.notificationDelivery.findFirstOrThrow({
      where: { channel: "webhook", event: { credentialId: c.id } },
    });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(delivery.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));
    // Not due yet: nothing is tried.
    await runNotificationRound(f.db, senders, new Date(start.getTime() + retryDelayMs(1) - 1));
    failing = false;
    await runNotificationRound(f.db, senders, new Date(start.getTime() + retryDelayMs(1)));
    expect(webhooks).toHaveLength(1);
    const log = await f.db.notificationAttempt.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { attempt: "asc" },
    });
    expect(log.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);

    failing = true;
    const d = await breakOne("Dead receiver");
    let at = later();
    for (let i = 0; i < 40 && at.getTime() < start.getTime() + 2 * GIVE_UP_AFTER_MS; i++) {
      await runNotificationRound(f.db, senders, at);
      at = new Date(at.getTime() + 60 * 60_000);
    }
    const gaveUp = await f.db.notificationDelivery.findFirstOrThrow({
      where: { channel: "webhook", event: { credentialId: d.id } },
    });
    expect(gaveUp.status).toBe("failed");
    expect(gaveUp.attempts).toBeGreaterThan(5);
    expect(gaveUp.attempts).toBeLessThan(40);
  });

  it("prunes history older than 30 days, with its deliveries and log", async () => {
    const { senders } = recordingSenders();
    const c = await breakOne("Old news");
    const at = later();
    await runNotificationRound(f.db, senders, at);
    const event = await f.db.notificationEvent.findFirstOrThrow({ where: { credentialId: c.id } });
    expect(await f.db.notificationDelivery.count({ where: { eventId: event.id } })).toBe(4);
    for (let round = 0; round < 20; round++)
      await runNotificationRound(f.db, senders, new Date(at.getTime() + KEEP_HISTORY_MS + 5 * 60_000));
    expect(await f.db.notificationEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await f.db.notificationDelivery.count({ where: { eventId: event.id } })).toBe(0);
    expect(await f.db.notificationAttempt.count({ where: { delivery: { eventId: event.id } } })).toBe(0);
  });
});
