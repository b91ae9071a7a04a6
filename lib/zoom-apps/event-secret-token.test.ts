import { describe, expect, it } from "vitest";
import { setupZoomEventTest } from "@/testing/zoom-apps/event-fixture";
import { findAppForZoomEvents, saveEventSecretTokenAudited } from "./event-secret-token";

const t = setupZoomEventTest({
  clientId: "tokenclientid1",
  secretToken: "unused-here",
  secretTokenAtStart: false,
});

describe("saving an app's event Secret Token from its page", () => {
  it("stores it encrypted with one audit record per save, says when it replaced one, and stays in its workspace", async () => {
    const ctx = {
      workspace: { id: t.workspaceId, slug: "w-events", name: "W" },
      user: { id: t.ownerId, name: "E", email: "e@example.com" },
    };
    const audits = () =>
      t.db.auditEvent.count({ where: { workspaceId: t.workspaceId, action: "zoom_app.event_token_saved" } });

    await expect(
      saveEventSecretTokenAudited(t.db, ctx, { zoomAppId: t.appId, secretToken: "first-token-123" }),
    ).resolves.toEqual({ replaced: false });
    await expect(
      saveEventSecretTokenAudited(t.db, ctx, { zoomAppId: t.appId, secretToken: "second-token-456" }),
    ).resolves.toEqual({ replaced: true });
    expect(await audits()).toBe(2);
    const row = await t.db.zoomApp.findUniqueOrThrow({
      where: { id: t.appId },
      select: { eventSecretTokenEnc: true },
    });
    expect(row.eventSecretTokenEnc).toBeTruthy();
    expect(row.eventSecretTokenEnc).not.toContain("second-token-456");
    expect((await findAppForZoomEvents(t.db, t.appId))?.secretToken).toBe("second-token-456");

    // Another workspace naming this app: not found, nothing written, nothing audited.
    const other = await t.db.workspace.create({ data: { name: "Other", slug: "w-other-events" } });
    await expect(
      saveEventSecretTokenAudited(
        t.db,
        { ...ctx, workspace: { id: other.id, slug: other.slug, name: other.name } },
        { zoomAppId: t.appId, secretToken: "squatter-token-789" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await findAppForZoomEvents(t.db, t.appId))?.secretToken).toBe("second-token-456");
    expect(await t.db.auditEvent.count({ where: { workspaceId: other.id } })).toBe(0);
  });
});
