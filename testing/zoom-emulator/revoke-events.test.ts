import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { revokeToken } from "@/lib/zoom/revoke-token";
import { startEventReceiver, type EventReceiver } from "./event-receiver";
import { OAUTH_APP, USER, setupZoomEmulator, zoomFailure } from "./fixture";

const emulator = setupZoomEmulator();
const SECRET_TOKEN = "secret-token-of-the-app";
let receiver: EventReceiver;

beforeAll(async () => {
  receiver = await startEventReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.behave({ statuses: [], delaysMs: [], validationSecret: SECRET_TOKEN });
});

const me = (accessToken: string) => getCurrentUser({ accessToken, config: emulator.config });
const refresh = (refreshToken: string | null) =>
  refreshTokens({ ...OAUTH_APP, refreshToken: refreshToken ?? "", config: emulator.config });
const revoke = (token: string) => revokeToken({ ...OAUTH_APP, token, config: emulator.config });
const withEndpoint = () =>
  emulator.control.patchApp(OAUTH_APP.clientId, { eventEndpoint: receiver.url, secretToken: SECRET_TOKEN });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function expectSignedByZoom(headers: Record<string, unknown>, body: string): void {
  const timestamp = String(headers["x-zm-request-timestamp"]);
  expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(10);
  const expected = createHmac("sha256", SECRET_TOKEN).update(`v0:${timestamp}:${body}`).digest("hex");
  expect(headers["x-zm-signature"]).toBe(`v0=${expected}`);
}

describe("revoke uninstalls the app for that user", () => {
  it("revoking a token already replaced by a newer authorization kills the live set too", async () => {
    const first = await emulator.connect();
    const second = await emulator.connect();
    await expect(me(second.accessToken)).resolves.toMatchObject({ id: USER.id });
    await revoke(first.accessToken);
    expect(await zoomFailure(me(second.accessToken))).toMatchObject({ id: "invalid_access_token" });
    expect(await zoomFailure(refresh(second.refreshToken))).toMatchObject({ id: "invalid_grant" });
  });

  it("revoking by a rotated refresh token kills the set that replaced it", async () => {
    const first = await emulator.connect();
    const rotated = await refresh(first.refreshToken);
    await revoke(first.refreshToken ?? "");
    expect(await zoomFailure(me(rotated.accessToken))).toMatchObject({ id: "invalid_access_token" });
  });

  it("leaves other users of the app and the user's other apps alone", async () => {
    await emulator.control.registerUser({ ...USER, id: "user-2", email: "sam@example.com" });
    await emulator.control.registerApp({ ...OAUTH_APP, clientId: "second-app" });
    const pat = await emulator.connect();
    await emulator.control.signIn("user-2", OAUTH_APP.clientId);
    const sam = await emulator.connect();
    await emulator.control.signIn(null, OAUTH_APP.clientId);
    const patElsewhere = await emulator.connect({ clientId: "second-app" });
    await revoke(pat.accessToken);
    await expect(me(sam.accessToken)).resolves.toMatchObject({ id: "user-2" });
    await expect(me(patElsewhere.accessToken)).resolves.toMatchObject({ id: USER.id });
    expect(await zoomFailure(me(pat.accessToken))).toMatchObject({ id: "invalid_access_token" });
  });

  it("sends a signed app_deauthorized to the app's endpoint", async () => {
    await withEndpoint();
    const tokens = await emulator.connect();
    await revoke(tokens.accessToken);
    const deliveries = await until(
      () => emulator.control.events(OAUTH_APP.clientId),
      (d) => d[0]?.finished === true,
    );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "app_deauthorized", delivered: true });
    const [event] = receiver.received;
    if (!event) throw new Error("no event received");
    expectSignedByZoom(event.headers, event.body);
    expect(event.json).toMatchObject({
      event: "app_deauthorized",
      payload: {
        account_id: USER.accountId,
        user_id: USER.id,
        client_id: OAUTH_APP.clientId,
        user_data_retention: "false",
      },
    });
    expect(Date.parse(String(event.json.payload?.deauthorization_time))).not.toBeNaN();
  });

  it("revoking a dead token still uninstalls and still sends the event", async () => {
    await withEndpoint();
    const first = await emulator.connect();
    await emulator.connect();
    await revoke(first.refreshToken ?? "");
    await until(
      () => emulator.control.events(OAUTH_APP.clientId),
      (d) => d[0]?.finished === true,
    );
    expect(receiver.received.map((e) => e.json.event)).toEqual(["app_deauthorized"]);
  });

  it("sends nothing when the app has no event endpoint, and an unknown token changes nothing", async () => {
    const tokens = await emulator.connect();
    await revoke("not-a-token-zoom-knows");
    await expect(me(tokens.accessToken)).resolves.toMatchObject({ id: USER.id });
    await revoke(tokens.accessToken);
    expect(await emulator.control.events()).toEqual([]);
  });
});

describe("event delivery: reply within 3 s or Zoom retries, 3 times at most", () => {
  it("retries after a 500 and stops at the first 2xx", async () => {
    await withEndpoint();
    receiver.behave({ statuses: [500, 503, 204] });
    const { delivery, killedTokenSets } = await emulator.control.deauthorize(OAUTH_APP.clientId, USER.id);
    expect(killedTokenSets).toBe(0);
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 204]);
    expect(delivery).toMatchObject({ delivered: true, finished: true });
  });

  it("gives up after the third retry", async () => {
    await withEndpoint();
    receiver.behave({ statuses: [500, 500, 500, 500, 200] });
    const { delivery } = await emulator.control.deauthorize(OAUTH_APP.clientId, USER.id);
    expect(delivery.attempts).toHaveLength(4);
    expect(delivery.delivered).toBe(false);
    expect(receiver.received).toHaveLength(4);
  });

  it("a retry sent later carries the same body, signed afresh with a new timestamp", async () => {
    await withEndpoint();
    const { delivery } = await emulator.control.deauthorize(OAUTH_APP.clientId, USER.id);
    // A second apart at least, so the timestamps (whole seconds) differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await emulator.control.redeliverEvent(delivery.id)).toMatchObject({ status: 200 });
    const [first, retry] = receiver.received;
    if (!first || !retry) throw new Error("the retry did not arrive");
    expect(retry.body).toBe(first.body);
    expect(retry.headers["x-zm-request-timestamp"]).not.toBe(first.headers["x-zm-request-timestamp"]);
    expectSignedByZoom(retry.headers, retry.body);
    const [recorded] = await emulator.control.events(OAUTH_APP.clientId);
    expect(recorded?.attempts).toHaveLength(2);
    await expect(emulator.control.redeliverEvent("nosuchdelivery")).rejects.toThrow(/404/);
  });

  it("an answer slower than 3 s counts as a failure", { timeout: 15_000 }, async () => {
    await withEndpoint();
    receiver.behave({ delaysMs: [3500] });
    const { delivery } = await emulator.control.deauthorize(OAUTH_APP.clientId, USER.id);
    expect(delivery.attempts[0]).toMatchObject({ status: null, error: "no answer within 3 s" });
    expect(delivery.attempts[1]?.status).toBe(200);
    expect(delivery.delivered).toBe(true);
  });
});

describe("control API: events on request", () => {
  it("deauthorize kills the user's tokens first and delivers the event with user_data_retention", async () => {
    await withEndpoint();
    const tokens = await emulator.connect();
    const { killedTokenSets, delivery } = await emulator.control.deauthorize(OAUTH_APP.clientId, USER.id, {
      userDataRetention: true,
    });
    expect(killedTokenSets).toBe(1);
    expect(delivery.delivered).toBe(true);
    expect(receiver.received[0]?.json.payload).toMatchObject({ user_data_retention: "true" });
    expect(await zoomFailure(me(tokens.accessToken))).toMatchObject({ id: "invalid_access_token" });
  });

  it("url validation reports whether the endpoint's encryptedToken is right", async () => {
    await withEndpoint();
    expect(await emulator.control.validateEndpoint(OAUTH_APP.clientId)).toMatchObject({
      ok: true,
      status: 200,
    });
    const [request] = receiver.received;
    if (!request) throw new Error("no validation request");
    expect(request.json).toMatchObject({ event: "endpoint.url_validation" });
    expect(request.json.payload?.plainToken).toEqual(expect.any(String));
    expectSignedByZoom(request.headers, request.body);

    receiver.behave({ validationSecret: "some-other-secret" });
    expect(await emulator.control.validateEndpoint(OAUTH_APP.clientId)).toMatchObject({
      ok: false,
      reason: "encryptedToken is not HMAC-SHA256(secretToken, plainToken)",
    });
    receiver.behave({ validationSecret: null });
    expect((await emulator.control.validateEndpoint(OAUTH_APP.clientId)).ok).toBe(false);
  });

  it("forged events: a wrong signature, a stale timestamp, none at all — and Zoom's state is untouched", async () => {
    await withEndpoint();
    const tokens = await emulator.connect();
    for (const kind of ["bad_signature", "stale_timestamp", "no_signature"] as const) {
      await emulator.control.sendForgedEvent(OAUTH_APP.clientId, kind, USER.id);
    }
    const [bad, stale, unsigned] = receiver.received;
    if (!bad || !stale || !unsigned) throw new Error("forged events missing");
    const sign = (ts: unknown, body: string) =>
      `v0=${createHmac("sha256", SECRET_TOKEN)
        .update(`v0:${String(ts)}:${body}`)
        .digest("hex")}`;
    expect(bad.headers["x-zm-signature"]).not.toBe(sign(bad.headers["x-zm-request-timestamp"], bad.body));
    expect(stale.headers["x-zm-signature"]).toBe(sign(stale.headers["x-zm-request-timestamp"], stale.body));
    expect(Date.now() / 1000 - Number(stale.headers["x-zm-request-timestamp"])).toBeGreaterThan(5 * 60);
    expect(unsigned.headers["x-zm-signature"]).toBeUndefined();
    expect(bad.json).toMatchObject({ event: "app_deauthorized", payload: { user_id: USER.id } });
    await expect(me(tokens.accessToken)).resolves.toMatchObject({ id: USER.id });
    expect(await emulator.control.events()).toEqual([]);
  });

  it("refuses event routes for an app without an endpoint", async () => {
    await expect(emulator.control.validateEndpoint(OAUTH_APP.clientId)).rejects.toThrow(/409/);
  });
});
