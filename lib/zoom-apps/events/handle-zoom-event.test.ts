import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { setupZoomEventTest } from "@/testing/zoom-apps/event-fixture";
import { signEvent } from "@/testing/zoom-emulator/events";
import { handleZoomEvent } from "./handle-zoom-event";

const SECRET_TOKEN = "event-secret-token-0123456789";
const t = setupZoomEventTest({
  clientId: "devclientid123",
  secretToken: SECRET_TOKEN,
  secretTokenAtStart: false,
});

const signed = (body: object, signing: { ageSeconds?: number; key?: string } = {}) =>
  t.delivery(JSON.stringify(body), signing);
const deauthorization = (userId: string) => t.deauthorization(userId, new Date("2026-11-22T10:00:00.000Z"));

async function connection(zoomUserId: string) {
  const credential = await t.credential(zoomUserId, "connected");
  await t.db.credential.update({
    where: { id: credential.id },
    data: {
      zoomUserId,
      zoomEmail: `${zoomUserId}@example.com`,
      accessTokenEnc: encrypt("access", credentialSecretContext(credential.id, "accessTokenEnc")),
      refreshTokenEnc: encrypt("refresh", credentialSecretContext(credential.id, "refreshTokenEnc")),
    },
  });
  return credential.id;
}

const row = (id: string) =>
  t.db.credential.findUniqueOrThrow({
    where: { id },
    select: { status: true, accessTokenEnc: true, refreshTokenEnc: true, lastErrorMessage: true },
  });

describe("handleZoomEvent", () => {
  it("refuses every event while the app has no Secret Token, and an unknown app is not found", async () => {
    const request = signed({ event: "endpoint.url_validation", payload: { plainToken: "abc" } });
    expect((await handleZoomEvent(t.db, request)).status).toBe(401);
    expect((await handleZoomEvent(t.db, { ...request, zoomAppId: "nosuchapp" })).status).toBe(404);
    await t.saveSecretToken();
  });

  it("answers URL validation with the HMAC of the plain token", async () => {
    const answer = await handleZoomEvent(
      t.db,
      signed({ event: "endpoint.url_validation", payload: { plainToken: "qgg8vlvZRS6UYooatFL8Aw" } }),
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        plainToken: "qgg8vlvZRS6UYooatFL8Aw",
        encryptedToken: createHmac("sha256", SECRET_TOKEN).update("qgg8vlvZRS6UYooatFL8Aw").digest("hex"),
      },
    });
  });

  it("forged, stale, unsigned and tampered events get 401 and change nothing", async () => {
    const id = await connection("zu-forged");
    const body = deauthorization("zu-forged");
    const tampered = signed(body);
    const attempts = [
      signed(body, { key: "another-key-entirely" }),
      signed(body, { ageSeconds: 6 * 60 }),
      signed(body, { ageSeconds: -6 * 60 }),
      { ...signed(body), signature: null },
      { ...signed(body), timestamp: null },
      { ...tampered, rawBody: tampered.rawBody.replace("zu-forged", "zu-other") },
    ];
    for (const attempt of attempts) expect((await handleZoomEvent(t.db, attempt)).status).toBe(401);
    expect((await row(id)).status).toBe("connected");
    expect((await row(id)).accessTokenEnc).not.toBeNull();
  });

  it("app_deauthorized revokes that user's connections through the app, deletes their tokens, once", async () => {
    const removed = await connection("zu-removed");
    const other = await connection("zu-stays");
    const first = await handleZoomEvent(t.db, signed(deauthorization("zu-removed")));
    expect(first).toEqual({ status: 200, body: { ok: true, revoked: 1 } });
    const after = await row(removed);
    expect(after).toMatchObject({ status: "revoked", accessTokenEnc: null, refreshTokenEnc: null });
    expect(after.lastErrorMessage).toMatch(
      /^Removed in Zoom on 22 Nov 2026, 10:00 UTC: zu-removed@example.com removed the app “Team app”/,
    );
    expect((await row(other)).status).toBe("connected");
    // Zoom retries and repeats events, freshly signed: the second one is known and changes nothing.
    const again = await handleZoomEvent(t.db, signed(deauthorization("zu-removed")));
    expect(again).toEqual({ status: 200, body: { ok: true, revoked: 0, repeated: true } });
    const audits = await t.db.auditEvent.count({
      where: { workspaceId: t.workspaceId, credentialId: removed, action: "credential.removed_in_zoom" },
    });
    expect(audits).toBe(1);
  });

  it("an event for another app's Client ID changes nothing; unknown events are acknowledged", async () => {
    const id = await connection("zu-elsewhere");
    const body = deauthorization("zu-elsewhere");
    body.payload.client_id = "someoneelsesclient";
    expect(await handleZoomEvent(t.db, signed(body))).toEqual({
      status: 200,
      body: { ok: true, revoked: 0 },
    });
    expect((await row(id)).status).toBe("connected");
    const other = await handleZoomEvent(t.db, signed({ event: "meeting.started", payload: {} }));
    expect(other.status).toBe(200);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const junk = await handleZoomEvent(t.db, {
      zoomAppId: t.appId,
      rawBody: "not json",
      timestamp,
      signature: signEvent(SECRET_TOKEN, timestamp, "not json"),
    });
    expect(junk.status).toBe(400);
  });
});
