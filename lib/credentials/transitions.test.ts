import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { createTempDatabase } from "@/lib/db/temp-database";
import { catalogueEntry } from "@/lib/zoom/error-catalogue";
import {
  markConnected,
  markExpiringSoon,
  markNeedsReconnect,
  markRetrying,
  markRevoked,
  markTestFailed,
  markTestPassed,
} from "./transitions";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let dataDir = "";
let workspaceId = "";
let ownerId = "";
const now = new Date("2026-11-22T10:00:00Z");
const hourLater = new Date(now.getTime() + 3_600_000);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "zcw-transitions-"));
  vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 0x2b).toString("base64"));
  vi.stubEnv("NEXTAUTH_SECRET", "transitions-tests-secret-0123456789abcdef");
  vi.stubEnv("DATA_DIR", dataDir);
  temp = await createTempDatabase();
  const user = await temp.db.user.create({ data: { email: "t@example.com", name: "T", passwordHash: "x" } });
  const workspace = await temp.db.workspace.create({ data: { name: "W", slug: "w-transitions" } });
  ownerId = user.id;
  workspaceId = workspace.id;
});
afterAll(async () => {
  await temp.cleanup();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

let id = "";
beforeEach(async () => {
  // A credential in trouble: Zoom was unreachable, it is backing off, and a renewal holds its lease.
  const credential = await temp.db.credential.create({
    data: {
      workspaceId,
      ownerId,
      name: "c",
      method: "oauth",
      status: "error",
      version: 3,
      failureCount: 2,
      nextAttemptAt: hourLater,
      refreshLeaseOwner: "instance-a",
      refreshLeaseUntil: hourLater,
      lastErrorCode: "zoom_unavailable",
      lastErrorMessage: "Zoom unreachable, retrying.",
      lastErrorAt: now,
      grantedScopes: "user:read:user",
      apiUrl: "https://api.zoom.us",
    },
  });
  id = credential.id;
});

const row = () =>
  temp.db.credential.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      version: true,
      accessTokenEnc: true,
      refreshTokenEnc: true,
      accessTokenExpiresAt: true,
      grantedScopes: true,
      apiUrl: true,
      zoomEmail: true,
      wizardStep: true,
      failureCount: true,
      nextAttemptAt: true,
      refreshLeaseOwner: true,
      refreshLeaseUntil: true,
      lastErrorCode: true,
      lastErrorMessage: true,
      lastTestedAt: true,
      lastRefreshedAt: true,
    },
  });

const tokens = { accessToken: "access-1", refreshToken: "refresh-1", expiresAt: hourLater };
const zoomUser = { id: "zu-1", email: "dana@example.com", name: "Dana", accountId: "acct-1" };

describe("markConnected", () => {
  it("stores the token set encrypted, the identity, and clears error, back-off and lease; the version moves on", async () => {
    const written = await markConnected(
      temp.db,
      { id, version: 3 },
      {
        now,
        tokens: { ...tokens, scopes: ["user:read:user", "meeting:read"] },
        zoomUser,
        wizardStep: "done",
        tested: true,
      },
    );
    expect(written).toBe(1);
    const after = await row();
    expect(after).toMatchObject({
      status: "connected",
      version: 4,
      accessTokenExpiresAt: hourLater,
      grantedScopes: "user:read:user meeting:read",
      apiUrl: "https://api.zoom.us",
      zoomEmail: "dana@example.com",
      wizardStep: "done",
      failureCount: 0,
      nextAttemptAt: null,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      lastErrorCode: null,
      lastErrorMessage: null,
      lastTestedAt: now,
      lastRefreshedAt: now,
    });
    expect(after.accessTokenEnc).not.toContain("access-1");
    expect(decrypt(after.accessTokenEnc!, credentialSecretContext(id, "accessTokenEnc"))).toBe("access-1");
    expect(decrypt(after.refreshTokenEnc!, credentialSecretContext(id, "refreshTokenEnc"))).toBe("refresh-1");
  });

  it("loses against a newer write: a writer that read an older version changes nothing", async () => {
    const before = await row();
    expect(await markConnected(temp.db, { id, version: 2 }, { now, tokens })).toBe(0);
    expect(await row()).toEqual(before);
  });

  it("keeps what Zoom did not send (undefined) and clears what is gone (null)", async () => {
    await markConnected(temp.db, { id }, { now, tokens });
    // A renewal answer without refresh token, scopes or API URL keeps the stored ones.
    await markConnected(temp.db, { id }, { now, tokens: { accessToken: "access-2", expiresAt: hourLater } });
    let after = await row();
    expect(decrypt(after.refreshTokenEnc!, credentialSecretContext(id, "refreshTokenEnc"))).toBe("refresh-1");
    expect(after).toMatchObject({ grantedScopes: "user:read:user", apiUrl: "https://api.zoom.us" });
    // A Server-to-Server grant has no refresh token at all.
    await markConnected(
      temp.db,
      { id },
      { now, tokens: { accessToken: "access-3", refreshToken: null, expiresAt: hourLater, apiUrl: null } },
    );
    after = await row();
    expect(after).toMatchObject({ refreshTokenEnc: null, apiUrl: null });
  });

  it("connects a legacy token close to its end as Expiring soon, without touching its token", async () => {
    await markConnected(temp.db, { id }, { now, status: "expiring_soon", zoomUser, tested: true });
    expect(await row()).toMatchObject({ status: "expiring_soon", accessTokenEnc: null, lastTestedAt: now });
  });

  it("refuses a missing id instead of updating every row", async () => {
    await expect(markConnected(temp.db, { id: "" }, { now })).rejects.toThrow(/credential id/);
  });
});

describe("markNeedsReconnect", () => {
  const error = { code: "invalid_grant", message: "Zoom no longer accepts this connection." };

  it("ends the back-off but leaves the lease to its holder", async () => {
    expect(await markNeedsReconnect(temp.db, { id, version: 3 }, { error, now })).toBe(1);
    expect(await row()).toMatchObject({
      status: "needs_reconnect",
      version: 3,
      nextAttemptAt: null,
      refreshLeaseOwner: "instance-a",
      lastErrorCode: "invalid_grant",
      lastErrorMessage: "Zoom no longer accepts this connection.",
    });
  });

  it("does not mark a fresh reconnect dead: the version it read is gone", async () => {
    await markConnected(temp.db, { id }, { now, tokens });
    expect(await markNeedsReconnect(temp.db, { id, version: 3 }, { error, now })).toBe(0);
    expect((await row()).status).toBe("connected");
  });

  it("marks many at once by a filter (the keeper's expired legacy tokens)", async () => {
    const count = await markNeedsReconnect(temp.db, { where: { id, status: "error" } }, { error, now });
    expect(count).toBe(1);
    expect(await markNeedsReconnect(temp.db, { where: { id, status: "error" } }, { error, now })).toBe(0);
  });

  it("a sweep changes at most its limit in one go; the next one takes the rest, outbox and all", async () => {
    const sweep = `sweep-${Date.now()}`;
    await temp.db.credential.createMany({
      data: [1, 2, 3].map((n) => ({ workspaceId, ownerId, name: `${sweep}-${n}`, method: "access_token" })),
    });
    const target = { where: { name: { startsWith: sweep }, status: "draft" }, limit: 2 };
    expect(await markNeedsReconnect(temp.db, target, { error, now })).toBe(2);
    const marked = () =>
      temp.db.credential.count({ where: { name: { startsWith: sweep }, status: "needs_reconnect" } });
    expect(await marked()).toBe(2);
    expect(await markNeedsReconnect(temp.db, target, { error, now })).toBe(1);
    expect(await markNeedsReconnect(temp.db, target, { error, now })).toBe(0);
    expect(await marked()).toBe(3);
    const ids = await temp.db.credential.findMany({
      where: { name: { startsWith: sweep } },
      select: { id: true },
    });
    const noted = await temp.db.notificationEvent.count({
      where: { credentialId: { in: ids.map((row) => row.id) }, kind: "needs_reconnect" },
    });
    expect(noted).toBe(3);
  });
});

describe("markRetrying", () => {
  const error = { code: "zoom_unavailable", message: "Zoom unreachable, retrying." };

  it("is written only by the lease holder, and releases the lease", async () => {
    const input = { error, failures: 3, nextAttemptAt: hourLater, now };
    expect(await markRetrying(temp.db, { id, leaseOwner: "instance-b" }, input)).toBe(0);
    expect((await row()).failureCount).toBe(2);
    expect(await markRetrying(temp.db, { id, leaseOwner: "instance-a" }, input)).toBe(1);
    expect(await row()).toMatchObject({
      status: "error",
      failureCount: 3,
      nextAttemptAt: hourLater,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      version: 3,
    });
  });
});

describe("markRevoked", () => {
  it("deletes the tokens and moves the version on, so a renewal under way cannot write them back", async () => {
    await markConnected(temp.db, { id }, { now, tokens });
    const { version } = await row();
    expect(await markRevoked(temp.db, { id })).toBe(1);
    expect(await row()).toMatchObject({
      status: "revoked",
      version: version + 1,
      accessTokenEnc: null,
      refreshTokenEnc: null,
      accessTokenExpiresAt: null,
      refreshLeaseOwner: null,
    });
    expect(await markConnected(temp.db, { id, version }, { now, tokens })).toBe(0);
    expect((await row()).status).toBe("revoked");
  });
});

describe("markExpiringSoon", () => {
  it("warns through a filter, with a sentence when one is given", async () => {
    await markConnected(temp.db, { id }, { now, tokens });
    expect(
      await markExpiringSoon(temp.db, { where: { id, status: "connected" } }, { message: "Soon." }),
    ).toBe(1);
    expect(await row()).toMatchObject({ status: "expiring_soon", lastErrorMessage: "Soon." });
    expect(await markExpiringSoon(temp.db, { where: { id, status: "connected" } })).toBe(0);
  });
});

describe("test results", () => {
  it("a passed test clears the note and keeps the status", async () => {
    expect(await markTestPassed(temp.db, { id }, { now, zoomEmail: "new@example.com" })).toBe(1);
    expect(await row()).toMatchObject({
      status: "error",
      zoomEmail: "new@example.com",
      lastTestedAt: now,
      lastErrorCode: null,
      lastErrorMessage: null,
    });
  });

  it("a refusal that needs a person marks Needs reconnect; a temporary failure only notes it", async () => {
    const temporary = catalogueEntry("zoom_unavailable");
    expect(await markTestFailed(temp.db, { id, version: 3 }, { entry: temporary, now })).toBe(1);
    expect(await row()).toMatchObject({
      status: "error",
      lastErrorMessage: temporary.message,
      lastTestedAt: now,
    });

    const refused = catalogueEntry("invalid_grant");
    expect(refused).toMatchObject({ kind: "needs_person", action: "reconnect" });
    expect(await markTestFailed(temp.db, { id, version: 2 }, { entry: refused, now })).toBe(0);
    expect((await row()).status).toBe("error");
    expect(await markTestFailed(temp.db, { id, version: 3 }, { entry: refused, now })).toBe(1);
    expect(await row()).toMatchObject({ status: "needs_reconnect", lastErrorMessage: refused.message });
  });
});
