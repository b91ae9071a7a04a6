import { afterAll, describe, expect, it } from "vitest";
import { OAUTH_APP } from "@/testing/zoom-emulator/fixture";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { replaceClientSecret } from "./manage-credential";
import { getAccessToken } from "./tokens/get-access-token";
import { setupTokenTest } from "../../testing/credentials/tokens/token-fixture";

const t = setupTokenTest();
const REGENERATED = "regenerated-secret-0123456789abcdef";

afterAll(async () => {
  await t.emulator.control.patchApp(OAUTH_APP.clientId, { clientSecret: OAUTH_APP.clientSecret });
});

describe("replacing a Client Secret", () => {
  it("is one write on the Zoom app: every connection of the app renews with the new secret", async () => {
    const seeded = await t.seedOAuth();
    const first = await t.db.credential.findUniqueOrThrow({
      where: { id: seeded.id },
      select: { zoomAppId: true, ownerId: true, workspaceId: true },
    });
    // A second connection through the same app, in the same workspace.
    const second = await t.db.credential.create({
      data: {
        workspaceId: first.workspaceId,
        ownerId: first.ownerId,
        zoomAppId: first.zoomAppId,
        name: "Second connection",
        method: "oauth",
        status: "needs_reconnect",
      },
    });
    const ctx: WorkspaceContext = {
      user: { id: first.ownerId, email: "owner@example.com", name: "Owner" },
      workspace: { id: first.workspaceId, slug: "tokens", name: "Tokens" },
      role: "owner",
    };

    // "Regenerate" in Zoom: from now on Zoom accepts only the new secret.
    await t.emulator.control.patchApp(OAUTH_APP.clientId, { clientSecret: REGENERATED });
    // Replaced from the second connection's page…
    await expect(
      replaceClientSecret(t.db, ctx, { credentialId: second.id, clientSecret: REGENERATED }),
    ).resolves.toEqual({ appName: "oauth app", connections: 2 });

    // …the first one renews with it (Zoom would refuse the old secret: invalid_client).
    const before = await t.tokenCalls();
    const token = await getAccessToken(t.db, seeded.id, { force: true });
    expect((await t.tokenCalls()).refresh_token - before.refresh_token).toBe(1);
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect((await t.row(seeded.id)).status).toBe("connected");
    for (const id of [seeded.id, second.id]) {
      const { zoomAppId } = await t.db.credential.findUniqueOrThrow({
        where: { id },
        select: { zoomAppId: true },
      });
      expect((await zoomAppKeys(t.db, first.workspaceId, zoomAppId))?.clientSecret).toBe(REGENERATED);
    }
    expect(await t.auditEvents(second.id, "credential.secret_replaced")).toEqual([
      { details: { zoomApp: "oauth app", appliesTo: "all 2 connections of the app" } },
    ]);
    // A full consent round trip with the emulator, on a machine shared with other runs.
  }, 30_000);

  it("a pasted legacy token has no secret to replace", async () => {
    const seeded = await t.seedOAuth();
    const row = await t.db.credential.findUniqueOrThrow({
      where: { id: seeded.id },
      select: { ownerId: true, workspaceId: true },
    });
    const legacy = await t.db.credential.create({
      data: { workspaceId: row.workspaceId, ownerId: row.ownerId, name: "JWT", method: "access_token" },
    });
    const ctx: WorkspaceContext = {
      user: { id: row.ownerId, email: "owner@example.com", name: "Owner" },
      workspace: { id: row.workspaceId, slug: "tokens", name: "Tokens" },
      role: "member",
    };
    await expect(
      replaceClientSecret(t.db, ctx, { credentialId: legacy.id, clientSecret: REGENERATED }),
    ).rejects.toThrow("A pasted access token has no Client Secret.");
  });
});
