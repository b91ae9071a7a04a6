// Holder A asked Zoom to renew (Zoom rotated at once) and then stalled: its
// heartbeats stopped, so its lease ran out. B takes the lease over and
// presents the same refresh token, which A's request already replaced: Zoom
// says invalid_grant. That refusal is about a dead token, not a dead
// connection — A's rotated set must win, and nobody must be told to reconnect.
import { describe, expect, it } from "vitest";
import { OAUTH_APP } from "@/testing/zoom-emulator/fixture";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { refreshTokens } from "@/lib/zoom/refresh-tokens";
import { markNeedsReconnect } from "../transitions";
import { getAccessToken } from "./get-access-token";
import type { AccessToken } from "./read-token";
import { ROTATED_ELSEWHERE } from "./renewal-refusals";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";
import { until } from "../../../testing/credentials/tokens/until";
import { unavailable } from "../../../testing/credentials/tokens/unavailable";

const t = setupTokenTest();

/** A's renewal is under way at Zoom (already rotated there), its answer 1.5 s away. */
async function holderAStalledAtZoom(credentialId: string): Promise<{ renewal: Promise<AccessToken> }> {
  const before = (await t.tokenCalls()).refresh_token;
  await t.emulator.control.addFault({
    target: "token",
    kind: "slow_answer",
    delayMs: 1_500,
    clientId: OAUTH_APP.clientId,
  });
  const renewal = getAccessToken(t.db, credentialId);
  await until(async () => (await t.tokenCalls()).refresh_token > before);
  return { renewal };
}

/** A's heartbeats failed: its lease ran out on the database's clock while it still waits for Zoom. */
async function leaseRunsOut(credentialId: string) {
  const row = await t.row(credentialId);
  expect(row.refreshLeaseOwner).not.toBeNull();
  await t.db.credential.update({
    where: { id: credentialId },
    data: { refreshLeaseUntil: new Date(Date.now() - 1_000) },
  });
}

const needsReconnectNotices = (credentialId: string) =>
  t.db.notificationEvent.count({ where: { credentialId, kind: "needs_reconnect" } });

describe("a lease taken over from a stalled holder", () => {
  it("B's invalid_grant waits for A; A's rotated set is stored; nobody is told to reconnect", async () => {
    const seeded = await t.seedOAuth();
    const a = (await holderAStalledAtZoom(seeded.id)).renewal;
    await leaseRunsOut(seeded.id);

    // B (another need, so not A's single flight): takes the lease over, Zoom refuses the old token.
    const b = await unavailable(getAccessToken(t.db, seeded.id, { minValidityMs: 60_000 }));
    expect(b.reason).toBe("zoom_unavailable");
    expect(await t.row(seeded.id)).toMatchObject({ status: "error", lastErrorCode: ROTATED_ELSEWHERE });

    const token = await a;
    expect(token.version).toBe(1);
    await expect(
      getCurrentUser({ accessToken: token.accessToken, config: t.emulator.config }),
    ).resolves.toMatchObject({ id: "user-1" });
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 1, lastErrorCode: null });
    expect(await needsReconnectNotices(seeded.id)).toBe(0);
    // The stored set is Zoom's live one.
    await expect(getAccessToken(t.db, seeded.id, { force: true })).resolves.toMatchObject({ version: 2 });
  });

  it("while waiting, nobody renews — not even when forced; if A never stores, the next attempt decides", async () => {
    const seeded = await t.seedOAuth();
    // A rotated the stored refresh token at Zoom, then crashed with its set lost (no journal).
    await refreshTokens({
      clientId: OAUTH_APP.clientId,
      clientSecret: OAUTH_APP.clientSecret,
      refreshToken: (await t.storedRefreshToken(seeded.id))!,
    });
    await t.db.credential.update({
      where: { id: seeded.id },
      data: { refreshLeaseOwner: "a-crashed-instance", refreshLeaseUntil: new Date(Date.now() - 1_000) },
    });
    expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("zoom_unavailable");
    const calls = (await t.tokenCalls()).refresh_token;
    expect((await unavailable(getAccessToken(t.db, seeded.id, { force: true }))).reason).toBe(
      "zoom_unavailable",
    );
    expect((await t.tokenCalls()).refresh_token).toBe(calls);

    // The grace is over and no set came: Zoom's refusal now stands.
    await t.db.credential.update({
      where: { id: seeded.id },
      data: { nextAttemptAt: new Date(Date.now() - 1) },
    });
    expect((await unavailable(getAccessToken(t.db, seeded.id))).reason).toBe("reconnect_required");
    expect(await t.row(seeded.id)).toMatchObject({ status: "needs_reconnect" });
    expect(await needsReconnectNotices(seeded.id)).toBe(1);
  });

  it("a Needs reconnect marked over A's version (a refusal not seen as a takeover) does not stop A's write", async () => {
    const seeded = await t.seedOAuth();
    const a = (await holderAStalledAtZoom(seeded.id)).renewal;
    // Someone saw Zoom refuse the old token and marked it, without a version bump.
    await markNeedsReconnect(
      t.db,
      { id: seeded.id, version: 0 },
      { error: { code: "invalid_grant", message: "Zoom refused the token." }, now: new Date() },
    );
    const token = await a;
    expect(token.version).toBe(1);
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", version: 1, lastErrorCode: null });
  });
});
