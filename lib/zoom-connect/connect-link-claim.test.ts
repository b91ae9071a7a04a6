import { beforeEach, describe, expect, it, vi } from "vitest";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { releaseConnectLink } from "@/lib/connect-links/claim-connect-link";
import { findConnectLink } from "@/lib/connect-links/find-connect-link";
import { createConnectLink } from "@/lib/connect-links/manage-connect-links";
import { prepareLinkConnection } from "@/lib/connect-links/use-connect-link";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import type { ConnectSession } from "./connect-session";
import type * as StoreModule from "@/lib/credentials/store-oauth-connection";
import type * as ZoomAuthModule from "./zoom-auth-options";
import type { HandshakeOutcome } from "./zoom-auth-options";

// Two people return from Zoom on one connect link: the link is claimed at the
// return with one conditional update, so exactly one connection is stored and
// the other person's Zoom grant never is. Real SQLite, and PostgreSQL in npm test's second pass.

/** Holds a return's store (by the Zoom user it stores) until the test lets it go, or fails it. */
const store = vi.hoisted(() => ({
  hold: new Map<string, Promise<void>>(),
  reached: new Map<string, () => void>(),
  failOnce: new Set<string>(),
}));
vi.mock("@/lib/credentials/store-oauth-connection", async (importOriginal) => {
  const real = await importOriginal<typeof StoreModule>();
  return {
    ...real,
    storeOAuthConnection: async (...args: Parameters<typeof real.storeOAuthConnection>) => {
      const zoomUser = args[1].connection.zoomUser.id;
      store.reached.get(zoomUser)?.();
      await store.hold.get(zoomUser);
      if (store.failOnce.delete(zoomUser)) throw new Error("the database went away");
      return real.storeOAuthConnection(...args);
    },
  };
});

const t = setupTokenTest();
let zoomAuth: typeof ZoomAuthModule;
let owner: WorkspaceContext;
let zoomAppId: string;

// Each test: a workspace of its own (the emulator is reset before each test).
beforeEach(async () => {
  const seeded = await t.seedOAuth();
  const row = await t.db.credential.findUniqueOrThrow({
    where: { id: seeded.id },
    select: { zoomAppId: true, owner: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  zoomAppId = row.zoomAppId!;
  await t.db.zoomApp.update({ where: { id: zoomAppId }, data: { shared: true } });
  await t.db.membership.create({
    data: { workspaceId: row.workspace.id, userId: row.owner.id, role: "owner" },
  });
  owner = {
    user: { id: row.owner.id, email: row.owner.email, name: row.owner.name },
    workspace: row.workspace,
    role: "owner",
  };
  // The handshake reads the database through db(): this test's.
  (globalThis as unknown as { zcwDb?: unknown }).zcwDb = t.db;
  zoomAuth = await import("./zoom-auth-options");
});

async function newLink() {
  const { url } = await createConnectLink(t.db, owner, {
    zoomAppId,
    note: "Kim",
    ownerId: owner.user.id,
    days: 7,
  });
  return url.slice(url.lastIndexOf("/") + 1);
}

/**
 * One person's return from Zoom as next-auth's route runs it: the options of
 * a return (the claim), then — once Zoom's code is exchanged — the signIn
 * callback that stores the connection for the Zoom user `zoomUser`.
 */
async function returnFromZoom(session: ConnectSession, zoomUser: string) {
  const outcome: HandshakeOutcome = { error: null };
  const options = await zoomAuth.zoomAuthOptions(session, outcome, "return");
  if (!options) return { outcome, result: "not connected" };
  const account = {
    provider: "zoom",
    type: "oauth" as const,
    providerAccountId: zoomUser,
    access_token: `access-of-${zoomUser}`,
    refresh_token: `refresh-of-${zoomUser}`,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    scope: "user:read:user",
  };
  const profile = {
    id: zoomUser,
    email: `${zoomUser}@zoom-user.example`,
    first_name: zoomUser,
    last_name: "Z",
  };
  const signIn = options.callbacks?.signIn;
  if (!signIn) throw new Error("the handshake's options have no signIn callback");
  const result = await signIn({ account, profile, user: { id: zoomUser, email: profile.email } });
  return { outcome, result: String(result) };
}

async function storedAccessToken(credentialId: string) {
  const row = await t.db.credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { accessTokenEnc: true, zoomUserId: true, status: true },
  });
  return {
    status: row.status,
    zoomUserId: row.zoomUserId,
    accessToken:
      row.accessTokenEnc &&
      decrypt(row.accessTokenEnc, credentialSecretContext(credentialId, "accessTokenEnc")),
  };
}

const usedAudits = (credentialId: string) =>
  t.db.auditEvent.count({ where: { credentialId, action: "connect_link.used" } });

describe("two returns on one connect link", () => {
  it("the first return is held between its claim and its store: the second is refused and its grant never stored", async () => {
    const token = await newLink();
    // Both people opened the link and pressed Connect to Zoom: the same draft, two handshakes.
    const first = await prepareLinkConnection(t.db, token);
    const second = await prepareLinkConnection(t.db, token);
    expect(second.credentialId).toBe(first.credentialId);

    let letGo = () => {};
    store.hold.set("zu-first", new Promise<void>((resolve) => (letGo = resolve)));
    const reached = new Promise<void>((resolve) => store.reached.set("zu-first", resolve));
    const firstReturn = returnFromZoom(first, "zu-first");
    await reached; // claimed, Zoom's answer in hand, about to store

    const secondReturn = await returnFromZoom(second, "zu-second");
    expect(secondReturn).toEqual({ outcome: { error: null, linkTaken: true }, result: "not connected" });
    letGo();
    expect((await firstReturn).result).toBe(`/connect/${token}/done`);

    expect(await storedAccessToken(first.credentialId)).toEqual({
      status: "connected",
      zoomUserId: "zu-first",
      accessToken: "access-of-zu-first",
    });
    expect((await findConnectLink(t.db, token)).state).toBe("used");
    expect(await usedAudits(first.credentialId)).toBe(1);
  });

  it("returns at the same instant, round after round: exactly one connects each time", async () => {
    for (let round = 0; round < 6; round++) {
      const token = await newLink();
      const sessions = [await prepareLinkConnection(t.db, token), await prepareLinkConnection(t.db, token)];
      const results = await Promise.all(sessions.map((s, i) => returnFromZoom(s, `zu-${round}-${i}`)));
      const winners = results.filter((r) => r.result === `/connect/${token}/done`);
      expect(winners, JSON.stringify(results)).toHaveLength(1);
      expect(results.filter((r) => r.outcome.linkTaken)).toHaveLength(1);
      const stored = await storedAccessToken(sessions[0]!.credentialId);
      expect(stored.accessToken).toBe(`access-of-${stored.zoomUserId}`);
      expect(await usedAudits(sessions[0]!.credentialId)).toBe(1);
    }
  });
});

describe("a claimed return that does not connect gives the link back", () => {
  it("storing fails after the claim: the link stays usable and the same person connects on the next try", async () => {
    const token = await newLink();
    const session = await prepareLinkConnection(t.db, token);
    store.failOnce.add("zu-unlucky");
    await expect(returnFromZoom(session, "zu-unlucky")).rejects.toThrow("the database went away");
    expect((await findConnectLink(t.db, token)).state).toBe("valid");
    expect(await storedAccessToken(session.credentialId)).toMatchObject({
      status: "draft",
      accessToken: null,
    });

    const retry = await prepareLinkConnection(t.db, token);
    expect((await returnFromZoom(retry, "zu-unlucky")).result).toBe(`/connect/${token}/done`);
    expect((await findConnectLink(t.db, token)).state).toBe("used");
    expect(await usedAudits(session.credentialId)).toBe(1);
  });

  it("Zoom refused the return (the route releases it): usable again; an old claim never releases a newer one", async () => {
    const token = await newLink();
    const session = await prepareLinkConnection(t.db, token);
    const refused: HandshakeOutcome = { error: null };
    expect(await zoomAuth.zoomAuthOptions(session, refused, "return")).not.toBeNull();
    const stale = refused.claim!;
    expect((await findConnectLink(t.db, token)).state).toBe("used");
    await zoomAuth.releaseUnusedClaim(refused);
    expect((await findConnectLink(t.db, token)).state).toBe("valid");

    // Someone else claims it now; the first return's claim, released again, leaves theirs alone.
    const next: HandshakeOutcome = { error: null };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await zoomAuth.zoomAuthOptions(session, next, "return")).not.toBeNull();
    await releaseConnectLink(t.db, stale);
    expect((await findConnectLink(t.db, token)).state).toBe("used");
  });
});
