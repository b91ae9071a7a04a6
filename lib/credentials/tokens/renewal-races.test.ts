// A renewal racing a person: reconnect, disconnect and delete while Zoom is
// answering. On Zoom a revoke uninstalls the app for the user, so the one
// thing a renewal that lost must never do is revoke.
import { describe, expect, it } from "vitest";
import { zoomFailure } from "@/testing/zoom-emulator/fixture";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Db } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { deleteCredential, disconnectCredential } from "../manage-credential";
import { markConnected, markRevoked } from "../transitions";
import { getAccessToken } from "./get-access-token";
import { readTokenRow } from "./read-token";
import { renewUnderLease } from "./renew-token";
import { setupTokenTest } from "../../../testing/credentials/tokens/token-fixture";
import { unavailable } from "../../../testing/credentials/tokens/unavailable";

const t = setupTokenTest();
const me = (accessToken: string) => getCurrentUser({ accessToken, config: t.emulator.config });

async function ownerCtx(credentialId: string): Promise<WorkspaceContext> {
  const row = await t.db.credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { ownerId: true, workspaceId: true },
  });
  return {
    user: { id: row.ownerId, email: "owner@example.com", name: "Owner" },
    workspace: { id: row.workspaceId, slug: "tokens", name: "Tokens" },
    role: "owner",
  };
}

/** Resolves once Zoom has done the renewal's work (its answer may still be on the way). */
async function zoomHasRenewed(before: number, kind: "refresh_token" | "account_credentials") {
  for (let i = 0; i < 200; i++) {
    if ((await t.tokenCalls())[kind] > before) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("Zoom never saw the renewal");
}

/** The OAuth handshake again on the same credential, as the connect step stores it. */
async function reconnect(id: string) {
  const tokens = await t.emulator.connect();
  await markConnected(
    t.db,
    { id },
    {
      now: new Date(),
      tokens: {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        scopes: tokens.scopes,
      },
    },
  );
  return tokens;
}

describe("a renewal that loses the race never revokes", () => {
  it("its answer arrives after a reconnect: the reconnection keeps working, Zoom saw no revoke", async () => {
    const seeded = await t.seedOAuth();
    const before = await t.emulator.control.counters();
    // Zoom rotates at once; its answer is late, and meanwhile a person reconnects.
    await t.emulator.control.addFault({ target: "token", kind: "slow_answer", delayMs: 700 });
    const renewal = getAccessToken(t.db, seeded.id);
    await zoomHasRenewed(before.token.refresh_token, "refresh_token");
    const reconnected = await reconnect(seeded.id);

    // The renewal lost: it re-reads and hands out the reconnection's token.
    const token = await renewal;
    expect(token.accessToken).toBe(reconnected.accessToken);
    expect((await t.emulator.control.counters()).revoke).toBe(before.revoke);
    await expect(me(reconnected.accessToken)).resolves.toMatchObject({ id: "user-1" });
    expect(await t.storedRefreshToken(seeded.id)).toBe(reconnected.refreshToken);
    expect(await t.row(seeded.id)).toMatchObject({ status: "connected", refreshLeaseOwner: null });
    // …and the stored refresh token is live: the next renewal works.
    const forced = await getAccessToken(t.db, seeded.id, { force: true });
    await expect(me(forced.accessToken)).resolves.toMatchObject({ id: "user-1" });
  });

  it("a delete during the renewal waits for it, then revokes the live set; the renewal writes nothing back", async () => {
    const seeded = await t.seedOAuth();
    const before = await t.emulator.control.counters();
    await t.emulator.control.addFault({ target: "token", kind: "slow_answer", delayMs: 500 });
    const renewal = getAccessToken(t.db, seeded.id);
    await zoomHasRenewed(before.token.refresh_token, "refresh_token");
    const deleted = deleteCredential(t.db, await ownerCtx(seeded.id), seeded.id);

    const token = await renewal; // written first: the delete waited for the lease
    await expect(deleted).resolves.toMatchObject({ revokedAtZoom: true });
    expect(await t.db.credential.findUnique({ where: { id: seeded.id } })).toBeNull();
    expect((await t.emulator.control.counters()).revoke).toBe(before.revoke + 1);
    expect(await zoomFailure(me(token.accessToken))).toMatchObject({ id: "invalid_access_token" });
  });
});

describe("a disconnect and a Server-to-Server renewal", () => {
  it("a disconnect during the renewal waits for the lease and revokes the token the renewal just stored", async () => {
    const seeded = await t.seedS2S();
    const before = await t.tokenCalls();
    await t.emulator.control.addFault({ target: "token", kind: "slow_answer", delayMs: 500 });
    const renewal = getAccessToken(t.db, seeded.id);
    await zoomHasRenewed(before.account_credentials, "account_credentials");
    const disconnected = disconnectCredential(t.db, await ownerCtx(seeded.id), seeded.id);

    const token = await renewal;
    await expect(disconnected).resolves.toMatchObject({ revokedAtZoom: true });
    // A Server-to-Server revoke kills only the token given: the live one was given.
    expect(await zoomFailure(me(token.accessToken))).toMatchObject({ id: "invalid_access_token" });
    expect(await t.row(seeded.id)).toMatchObject({ status: "revoked", accessTokenEnc: null });
  });

  it("a disconnect committed between the first read and the re-read under the lease is not undone", async () => {
    const seeded = await t.seedS2S();
    let reads = 0;
    // The renewal's second read of the row is the last one before it takes the lease.
    const db = t.db.$extends({
      query: {
        credential: {
          async findUnique({ args, query }) {
            const result = await query(args);
            if (++reads === 2) await markRevoked(t.db, { id: seeded.id });
            return result;
          },
        },
      },
    }) as unknown as Db;
    const before = await t.tokenCalls();

    expect((await unavailable(getAccessToken(db, seeded.id))).reason).toBe("reconnect_required");
    expect(await t.row(seeded.id)).toMatchObject({ status: "revoked", accessTokenEnc: null });
    expect((await t.tokenCalls()).account_credentials).toBe(before.account_credentials);
  });

  it("the write itself requires a live status: a row marked revoked at the same version is not overwritten", async () => {
    const seeded = await t.seedS2S();
    const row = await readTokenRow(t.db, seeded.id);
    if (!row) throw new Error("seeded row missing");
    // Revoked without a version bump (no writer does this; the write's own guard must hold anyway).
    await t.db.credential.update({ where: { id: seeded.id }, data: { status: "revoked" } });
    await expect(renewUnderLease(t.db, row, "owner")).resolves.toBe("retry");
    expect(await t.row(seeded.id)).toMatchObject({ status: "revoked", version: row.version });
  });
});
