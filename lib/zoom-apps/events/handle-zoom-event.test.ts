import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { createTempDatabase } from "@/lib/db/temp-database";
import { signEvent } from "@/testing/zoom-emulator/events";
import { saveEventSecretToken } from "../event-secret-token";
import { handleZoomEvent } from "./handle-zoom-event";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let dataDir = "";
let workspaceId = "";
let ownerId = "";
let appId = "";
const SECRET_TOKEN = "event-secret-token-0123456789";
const CLIENT_ID = "devclientid123";

// Signed by the emulator's own code: the check must accept exactly what Zoom sends.
function signed(body: object, options: { ageSeconds?: number; key?: string } = {}) {
  const rawBody = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  return {
    zoomAppId: appId,
    rawBody,
    timestamp,
    signature: signEvent(options.key ?? SECRET_TOKEN, timestamp, rawBody),
  };
}

const deauthorization = (userId: string) => ({
  event: "app_deauthorized",
  event_ts: Date.now(),
  payload: {
    account_id: "acct1",
    user_id: userId,
    client_id: CLIENT_ID,
    deauthorization_time: "2026-11-22T10:00:00.000Z",
    user_data_retention: "false",
  },
});

async function connection(zoomUserId: string) {
  const credential = await temp.db.credential.create({
    data: { workspaceId, ownerId, zoomAppId: appId, name: zoomUserId, method: "oauth", status: "connected" },
  });
  await temp.db.credential.update({
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
  temp.db.credential.findUniqueOrThrow({
    where: { id },
    select: { status: true, accessTokenEnc: true, refreshTokenEnc: true, lastErrorMessage: true },
  });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "zcw-events-"));
  vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 0x3c).toString("base64"));
  vi.stubEnv("NEXTAUTH_SECRET", "events-tests-secret-0123456789abcdef");
  vi.stubEnv("DATA_DIR", dataDir);
  temp = await createTempDatabase();
  const user = await temp.db.user.create({ data: { email: "e@example.com", name: "E", passwordHash: "x" } });
  const workspace = await temp.db.workspace.create({ data: { name: "W", slug: "w-events" } });
  ownerId = user.id;
  workspaceId = workspace.id;
  const app = await temp.db.zoomApp.create({
    data: {
      workspaceId,
      createdById: ownerId,
      name: "Team app",
      kind: "oauth",
      developmentClientId: CLIENT_ID,
    },
  });
  appId = app.id;
});
afterAll(async () => {
  await temp.cleanup();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("handleZoomEvent", () => {
  it("refuses every event while the app has no Secret Token, and an unknown app is not found", async () => {
    const request = signed({ event: "endpoint.url_validation", payload: { plainToken: "abc" } });
    expect((await handleZoomEvent(temp.db, request)).status).toBe(401);
    expect((await handleZoomEvent(temp.db, { ...request, zoomAppId: "nosuchapp" })).status).toBe(404);
    await saveEventSecretToken(temp.db, { workspaceId, zoomAppId: appId, secretToken: SECRET_TOKEN });
  });

  it("answers URL validation with the HMAC of the plain token", async () => {
    const answer = await handleZoomEvent(
      temp.db,
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
    for (const attempt of attempts) expect((await handleZoomEvent(temp.db, attempt)).status).toBe(401);
    expect((await row(id)).status).toBe("connected");
    expect((await row(id)).accessTokenEnc).not.toBeNull();
  });

  it("app_deauthorized revokes that user's connections through the app, deletes their tokens, once", async () => {
    const removed = await connection("zu-removed");
    const other = await connection("zu-stays");
    const first = await handleZoomEvent(temp.db, signed(deauthorization("zu-removed")));
    expect(first).toEqual({ status: 200, body: { ok: true, revoked: 1 } });
    const after = await row(removed);
    expect(after).toMatchObject({ status: "revoked", accessTokenEnc: null, refreshTokenEnc: null });
    expect(after.lastErrorMessage).toMatch(
      /^Removed in Zoom on 22 Nov 2026, 10:00 UTC: zu-removed@example.com removed the app “Team app”/,
    );
    expect((await row(other)).status).toBe("connected");
    // Zoom retries and repeats events, freshly signed: the second one is known and changes nothing.
    const again = await handleZoomEvent(temp.db, signed(deauthorization("zu-removed")));
    expect(again).toEqual({ status: 200, body: { ok: true, revoked: 0, repeated: true } });
    const audits = await temp.db.auditEvent.count({
      where: { workspaceId, credentialId: removed, action: "credential.removed_in_zoom" },
    });
    expect(audits).toBe(1);
  });

  it("an event for another app's Client ID changes nothing; unknown events are acknowledged", async () => {
    const id = await connection("zu-elsewhere");
    const body = deauthorization("zu-elsewhere");
    body.payload.client_id = "someoneelsesclient";
    expect(await handleZoomEvent(temp.db, signed(body))).toEqual({
      status: 200,
      body: { ok: true, revoked: 0 },
    });
    expect((await row(id)).status).toBe("connected");
    const other = await handleZoomEvent(temp.db, signed({ event: "meeting.started", payload: {} }));
    expect(other.status).toBe(200);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const junk = await handleZoomEvent(temp.db, {
      zoomAppId: appId,
      rawBody: "not json",
      timestamp,
      signature: signEvent(SECRET_TOKEN, timestamp, "not json"),
    });
    expect(junk.status).toBe(400);
  });
});
