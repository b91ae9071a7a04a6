// "Use in n8n" end to end inside lib/: the Zoom emulator renews, the app's
// database (SQLite, or PostgreSQL with DATABASE_URL) holds the outbox, the
// fake n8n receives the pushes.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { disconnectCredential, deleteCredential } from "@/lib/credentials/manage-credential";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import { saveN8nTarget } from "./n8n-target";
import { runN8nPushRound } from "./push-round";
import { heldToken, startFakeN8n, type FakeN8n } from "../../testing/n8n/fake-n8n";
import { stopUsingInN8n, startUsingInN8n } from "./use-in-n8n";

const t = setupTokenTest();
let fake: FakeN8n;
beforeAll(async () => {
  fake = await startFakeN8n();
});
afterAll(() => fake.close());

const CHILD = fileURLToPath(new URL("../../testing/n8n/renew-and-die-child.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A connection made through the emulator, in a workspace whose n8n is the fake. */
async function connectionInWorkspaceWithN8n(method: "oauth" | "s2s" = "oauth") {
  const seeded =
    method === "oauth" ? await t.seedOAuth({ accessExpiresInMs: 50 * 60_000 }) : await t.seedS2S();
  const credential = await t.db.credential.findUniqueOrThrow({
    where: { id: seeded.id },
    select: { workspace: { select: { id: true, slug: true, name: true } }, owner: true },
  });
  const ctx: WorkspaceContext = {
    workspace: credential.workspace,
    user: { id: credential.owner.id, name: credential.owner.name, email: credential.owner.email },
    role: "owner",
  };
  await saveN8nTarget(t.db, ctx, { baseUrl: fake.url, apiKey: fake.key() });
  return { id: seeded.id, ctx };
}

/** "Use in n8n", then a round that sends what it queued (nothing new: n8n already has the token). */
async function startAndSettle(ctx: WorkspaceContext, credentialId: string) {
  const used = await startUsingInN8n(t.db, ctx, { credentialId });
  await runN8nPushRound(t.db);
  return used;
}

async function storedAccessToken(id: string): Promise<string> {
  const row = await t.db.credential.findUniqueOrThrow({ where: { id }, select: { accessTokenEnc: true } });
  return decrypt(row.accessTokenEnc!, credentialSecretContext(id, "accessTokenEnc"));
}

/** Every body the app ever sent to n8n, and the refresh tokens the app ever stored for these credentials. */
function assertNoRefreshTokenSent(refreshTokens: string[]) {
  for (const request of fake.requests) {
    expect(request.body).not.toContain("refresh");
    for (const refresh of refreshTokens) expect(request.body).not.toContain(refresh);
  }
}

describe("Use in n8n", () => {
  it("creates a zoomOAuth2Api credential named after the connection, holding the current access token only", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const used = await startUsingInN8n(t.db, ctx, { credentialId: id });
    const created = fake.credentials.get(used.n8nCredentialId)!;
    expect(created).toMatchObject({ type: "zoomOAuth2Api", name: "oauth credential" });
    expect(Object.keys(created.data)).toEqual(["oauthTokenData"]);
    const held = created.data.oauthTokenData as Record<string, unknown>;
    expect(Object.keys(held).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(held).toMatchObject({ access_token: await storedAccessToken(id), token_type: "Bearer" });
    expect(held.expires_in).toBeGreaterThan(40 * 60);
    const link = await t.db.n8nLink.findUniqueOrThrow({ where: { credentialId: id } });
    expect(link).toMatchObject({
      n8nCredentialName: "oauth credential",
      lastPushOk: true,
      failingSince: null,
    });
    assertNoRefreshTokenSent([(await t.storedRefreshToken(id))!]);
  });

  it("links an existing Zoom credential by id, and refuses one of another type", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const other = await fetch(`${fake.url}/api/v1/credentials`, {
      method: "POST",
      headers: { "X-N8N-API-KEY": fake.key(), "content-type": "application/json" },
      body: JSON.stringify({ name: "Header", type: "httpHeaderAuth", data: { name: "a", value: "b" } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await expect(startUsingInN8n(t.db, ctx, { credentialId: id, n8nCredentialId: other.id })).rejects.toThrow(
      /not a Zoom OAuth2 API credential/,
    );
    const mine = await fetch(`${fake.url}/api/v1/credentials`, {
      method: "POST",
      headers: { "X-N8N-API-KEY": fake.key(), "content-type": "application/json" },
      body: JSON.stringify({ name: "Made in n8n", type: "zoomOAuth2Api", data: { clientId: "c" } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const used = await startUsingInN8n(t.db, ctx, { credentialId: id, n8nCredentialId: mine.id });
    expect(used.n8nCredentialName).toBe("Made in n8n");
    expect(heldToken(fake, mine.id)).toBe(await storedAccessToken(id));
  });
});

describe("pushing every renewal", () => {
  it("a renewal writes its push with the token; the round gives n8n the new token, never the refresh token", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const { n8nCredentialId } = await startAndSettle(ctx, id);
    const refreshTokens = [(await t.storedRefreshToken(id))!];
    for (let renewal = 0; renewal < 3; renewal++) {
      const before = heldToken(fake, n8nCredentialId);
      const renewed = await getAccessToken(t.db, id, { force: true });
      refreshTokens.push((await t.storedRefreshToken(id))!);
      expect(renewed.accessToken).not.toBe(before);
      // Written with the renewal, keyed by the version it stored.
      const link = await t.db.n8nLink.findUniqueOrThrow({ where: { credentialId: id } });
      expect(
        await t.db.n8nPush.findUnique({ where: { dedupeKey: `${link.id}:token:v${renewed.version}` } }),
      ).toMatchObject({ state: "pending", kind: "token" });
      expect(await runN8nPushRound(t.db)).toMatchObject({ pushed: 1, failed: 0 });
      expect(heldToken(fake, n8nCredentialId)).toBe(renewed.accessToken);
    }
    const link = await t.db.n8nLink.findUniqueOrThrow({ where: { credentialId: id } });
    expect(link.pushedVersion).toBe((await t.row(id)).version);
    assertNoRefreshTokenSent(refreshTokens);
  });

  it("an instance that dies between the renewal and the push loses nothing: another instance's round pushes", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const { n8nCredentialId } = await startAndSettle(ctx, id);
    const oldToken = heldToken(fake, n8nCredentialId);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ["--import", "tsx", CHILD], { cwd: REPO_ROOT, env, stdio: "pipe" });
    const said: string[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => said.push(line));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("close", (_code, signal) => resolve(signal)),
    );
    child.stdin.write(`${JSON.stringify({ env: t.childEnv(), credentialId: id })}\n`);
    expect(await exited).toBe("SIGKILL");
    expect(said).toEqual(["queued"]);
    // The instance renewed (Zoom rotated, the new set is stored) and pushed nothing.
    const renewedToken = await storedAccessToken(id);
    expect(renewedToken).not.toBe(oldToken);
    expect(heldToken(fake, n8nCredentialId)).toBe(oldToken);
    expect(await runN8nPushRound(t.db)).toMatchObject({ pushed: 1 });
    expect(heldToken(fake, n8nCredentialId)).toBe(renewedToken);
  });

  it("a Server-to-Server connection's new token is pushed as well", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n("s2s");
    const { n8nCredentialId } = await startAndSettle(ctx, id);
    const renewed = await getAccessToken(t.db, id, { force: true });
    await runN8nPushRound(t.db);
    expect(heldToken(fake, n8nCredentialId)).toBe(renewed.accessToken);
  });
});

describe("when n8n does not take the token", () => {
  it("retries with back-off, says n8n's answer, raises one notice, and closes it when n8n takes it again", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const { n8nCredentialId } = await startAndSettle(ctx, id);
    fake.setVersion("2.39.5");
    const renewed = await getAccessToken(t.db, id, { force: true });
    const start = new Date();
    expect(await runN8nPushRound(t.db, start)).toMatchObject({ failed: 1 });
    expect(await runN8nPushRound(t.db, new Date(start.getTime() + 1000))).toMatchObject({
      failed: 0,
      pushed: 0,
    });
    const link = await t.db.n8nLink.findUniqueOrThrow({ where: { credentialId: id } });
    expect(link.lastPushOk).toBe(false);
    expect(link.failingSince).toBeInstanceOf(Date);
    expect(link.lastAnswer).toContain("upgrade n8n to 2.39.9 or later");
    // A refusal a person must fix is told at once, by the notification outbox.
    const notices = () =>
      t.db.notificationEvent.findMany({ where: { credentialId: id }, select: { kind: true, state: true } });
    expect(await notices()).toEqual([{ kind: "n8n_push_failed", state: "pending" }]);
    expect(await runN8nPushRound(t.db, new Date(start.getTime() + 6000))).toMatchObject({ failed: 1 });
    expect(await notices()).toHaveLength(1); // one per stretch of failures, not per retry
    await t.db.notificationEvent.updateMany({ where: { credentialId: id }, data: { state: "fanned_out" } });

    fake.setVersion("2.41.1");
    expect(await runN8nPushRound(t.db, new Date(start.getTime() + 30_000))).toMatchObject({ pushed: 1 });
    expect(heldToken(fake, n8nCredentialId)).toBe(renewed.accessToken);
    expect((await notices()).map((n) => n.kind)).toEqual(["n8n_push_failed", "n8n_push_recovered"]);
    expect(await t.db.n8nLink.findUniqueOrThrow({ where: { credentialId: id } })).toMatchObject({
      lastPushOk: true,
      failingSince: null,
      lastAnswer: "n8n stored the new token.",
    });
  });

  it("the periodic re-push heals a token n8n lost", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const { n8nCredentialId } = await startAndSettle(ctx, id);
    fake.credentials.get(n8nCredentialId)!.data = {}; // a restore from an old backup, a hand edit
    await runN8nPushRound(t.db);
    expect(heldToken(fake, n8nCredentialId)).toBeUndefined(); // nothing new to push yet
    await runN8nPushRound(t.db, new Date(Date.now() + 16 * 60_000));
    expect(heldToken(fake, n8nCredentialId)).toBe(await storedAccessToken(id));
  });
});

describe("letting go", () => {
  it("Stop using in n8n empties the token there, stops pushing, and leaves Zoom alone", async () => {
    const { id, ctx } = await connectionInWorkspaceWithN8n();
    const { n8nCredentialId } = await startUsingInN8n(t.db, ctx, { credentialId: id });
    const calls = await t.tokenCalls();
    const stopped = await stopUsingInN8n(t.db, ctx, id);
    expect(stopped.emptied).toEqual({ ok: true, words: "" });
    expect(heldToken(fake, n8nCredentialId)).toBe("");
    expect(await t.tokenCalls()).toEqual(calls);
    expect((await t.row(id)).status).toBe("connected");
    await getAccessToken(t.db, id, { force: true });
    await runN8nPushRound(t.db);
    expect(heldToken(fake, n8nCredentialId)).toBe("");
  });

  it("disconnect and delete empty the token in n8n and say so", async () => {
    const a = await connectionInWorkspaceWithN8n();
    const usedA = await startUsingInN8n(t.db, a.ctx, { credentialId: a.id });
    const disconnected = await disconnectCredential(t.db, a.ctx, a.id, "here_only");
    expect(disconnected.n8n).toEqual({ n8nCredentialName: "oauth credential", ok: true, words: "" });
    expect(heldToken(fake, usedA.n8nCredentialId)).toBe("");

    const b = await connectionInWorkspaceWithN8n("s2s");
    const usedB = await startUsingInN8n(t.db, b.ctx, { credentialId: b.id });
    fake.setDown(true);
    try {
      const deleted = await deleteCredential(t.db, b.ctx, b.id, "here_only");
      expect(deleted.n8n?.ok).toBe(false);
      expect(deleted.n8n?.words).toContain("503");
    } finally {
      fake.setDown(false);
    }
    // The push outlived the link and the connection: the next round empties it.
    expect(await t.db.n8nLink.count({ where: { credentialId: b.id } })).toBe(0);
    await runN8nPushRound(t.db, new Date(Date.now() + 10_000));
    expect(heldToken(fake, usedB.n8nCredentialId)).toBe("");
  });
});
