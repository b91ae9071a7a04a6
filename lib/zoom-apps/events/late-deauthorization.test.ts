import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, isPostgres, type Db } from "@/lib/db/client";
import { storeOAuthConnection } from "@/lib/credentials/store-oauth-connection";
import { setupZoomEventTest } from "@/testing/zoom-apps/event-fixture";
import { handleZoomEvent } from "./handle-zoom-event";
import { RECEIPT_KEEP_DAYS } from "./zoom-event-receipts";

// Zoom retries app_deauthorized until it hears 2xx and signs every retry
// afresh; a retry may arrive after the person connected again. These run on
// SQLite and, with DATABASE_URL naming a PostgreSQL server, on PostgreSQL.

const t = setupZoomEventTest({
  clientId: "lateclientid123",
  secretToken: "late-event-secret-token-0123456789",
  secretTokenAtStart: true,
});
/** A second client on the same database: another instance, or this one after a restart. */
let other: Db;
beforeAll(() => {
  other = createDb(t.url);
});
afterAll(() => other.$disconnect());
const MINUTE = 60_000;

/** The same event body each time; only the timestamp and signature are new, as in Zoom's retries. */
const delivery = (rawBody: string) => t.delivery(rawBody);
const removalEvent = (zoomUserId: string, deauthorizedAt: Date) =>
  JSON.stringify(t.deauthorization(zoomUserId, deauthorizedAt, "acct-late"));

/** The OAuth handshake's own store, as the callback calls it. */
async function handshake(credentialId: string, zoomUserId: string, now: Date) {
  await storeOAuthConnection(
    t.db,
    {
      credentialId,
      workspaceId: t.workspaceId,
      actor: { userId: t.ownerId, label: "Owner" },
      connection: {
        accessToken: `access-${now.getTime()}`,
        refreshToken: `refresh-${now.getTime()}`,
        expiresAt: new Date(now.getTime() + 60 * MINUTE),
        scopes: ["user:read:user"],
        apiUrl: "https://api.zoom.us",
        zoomUser: { id: zoomUserId, email: `${zoomUserId}@example.com`, name: "Z", accountId: "acct-late" },
      },
    },
    now,
  );
}

async function connected(zoomUserId: string, authorizedAt: Date): Promise<string> {
  const credential = await t.credential(zoomUserId, "draft");
  await handshake(credential.id, zoomUserId, authorizedAt);
  return credential.id;
}

const row = (id: string) =>
  t.db.credential.findUniqueOrThrow({
    where: { id },
    select: { status: true, accessTokenEnc: true, authorizedAt: true },
  });
const removals = (credentialId: string) =>
  t.db.auditEvent.count({ where: { credentialId, action: "credential.removed_in_zoom" } });

describe("a late or repeated app_deauthorized", () => {
  it("every handshake notes when Zoom authorized the connection", async () => {
    const first = new Date(Date.now() - 30 * MINUTE);
    const id = await connected("zu-noted", first);
    expect((await row(id)).authorizedAt).toEqual(first);
    const again = new Date(Date.now() - 5 * MINUTE);
    await handshake(id, "zu-noted", again);
    expect((await row(id)).authorizedAt).toEqual(again);
  });

  it("removed, connected again, then Zoom's retry of the removal arrives: the new connection stays", async () => {
    const removedAt = new Date(Date.now() - 10 * MINUTE);
    const id = await connected("zu-back", new Date(removedAt.getTime() - 60 * MINUTE));
    const event = removalEvent("zu-back", removedAt);

    expect(await handleZoomEvent(t.db, delivery(event))).toEqual({
      status: 200,
      body: { ok: true, revoked: 1 },
    });
    expect((await row(id)).status).toBe("revoked");

    await handshake(id, "zu-back", new Date(removedAt.getTime() + 5 * MINUTE));
    // The retry, on another instance (or after a restart), signed afresh.
    const retry = await handleZoomEvent(other, delivery(event));
    expect(retry).toEqual({ status: 200, body: { ok: true, revoked: 0, repeated: true } });
    const after = await row(id);
    expect(after.status).toBe("connected");
    expect(after.accessTokenEnc).not.toBeNull();
    expect(await removals(id)).toBe(1);
  });

  it("a removal first delivered after the person connected again leaves the newer connection alone", async () => {
    const removedAt = new Date(Date.now() - 10 * MINUTE);
    const id = await connected("zu-late", new Date(removedAt.getTime() + 2 * MINUTE));
    const older = await connected("zu-late-old", new Date(removedAt.getTime() - 60 * MINUTE));
    await t.db.credential.update({ where: { id: older }, data: { zoomUserId: "zu-late" } });

    const answer = await handleZoomEvent(t.db, delivery(removalEvent("zu-late", removedAt)));
    expect(answer).toEqual({ status: 200, body: { ok: true, revoked: 1 } });
    expect((await row(id)).status).toBe("connected");
    // The connection authorized before the removal is dead at Zoom and goes.
    expect((await row(older)).status).toBe("revoked");
  });

  it("the same event twice is one even when Zoom's clock is ahead of ours", async () => {
    // Zoom stamps the removal a minute after our clock's "now"; the person reconnects at once.
    const removedAt = new Date(Date.now() + MINUTE);
    const id = await connected("zu-skew", new Date(Date.now() - 60 * MINUTE));
    const event = removalEvent("zu-skew", removedAt);
    expect((await handleZoomEvent(t.db, delivery(event))).body).toMatchObject({ revoked: 1 });
    await handshake(id, "zu-skew", new Date());
    expect((await row(id)).authorizedAt!.getTime()).toBeLessThan(removedAt.getTime());

    const retry = await handleZoomEvent(other, delivery(event));
    expect((await row(id)).status).toBe("connected");
    expect(retry.body).toEqual({ ok: true, revoked: 0, repeated: true });
  });

  it("two instances handling the same delivery at once revoke once", async () => {
    const id = await connected("zu-twice", new Date(Date.now() - 60 * MINUTE));
    const event = removalEvent("zu-twice", new Date(Date.now() - MINUTE));
    // SQLite has one serving process, with one client: a second client in this
    // process would wait for the file's lock while holding up the first.
    const second = isPostgres(t.db) ? other : t.db;
    const answers = await Promise.all([
      handleZoomEvent(t.db, delivery(event)),
      handleZoomEvent(second, delivery(event)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.revoked).sort()).toEqual([0, 1]);
    expect(await removals(id)).toBe(1);
    const outbox = await t.db.notificationEvent.count({
      where: { credentialId: id, kind: "removed_in_zoom" },
    });
    expect(outbox).toBe(1);
  });

  it("another user's removal and receipts older than the keep period are told apart", async () => {
    const removedAt = new Date(Date.now() - MINUTE);
    const id = await connected("zu-keep", new Date(Date.now() - 60 * MINUTE));
    // Same time, another user: another event.
    await handleZoomEvent(t.db, delivery(removalEvent("zu-somebody", removedAt)));
    expect((await handleZoomEvent(t.db, delivery(removalEvent("zu-keep", removedAt)))).body).toEqual({
      ok: true,
      revoked: 1,
    });
    expect((await row(id)).status).toBe("revoked");
    const old = new Date(Date.now() - (RECEIPT_KEEP_DAYS + 1) * 24 * 60 * MINUTE);
    await t.db.zoomEventReceipt.create({
      data: { key: "old-receipt", zoomAppId: t.appId, receivedAt: old },
    });
    await handleZoomEvent(t.db, delivery(removalEvent("zu-prune", removedAt)));
    expect(await t.db.zoomEventReceipt.findUnique({ where: { key: "old-receipt" } })).toBeNull();
  });
});
