import { describe, expect, it } from "vitest";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { wizardStepUrl } from "@/lib/guides/step-url";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { startAppConnection } from "@/lib/zoom-apps/connect-through-app";
import { zoomAppKeys } from "@/lib/zoom-apps/find-zoom-app";
import { replaceClientSecret } from "./manage-credential";
import { openWizardStep } from "./open-wizard-step";
import { saveClientCredentials } from "./save-client-credentials";
import { saveScopes } from "./save-scopes";
import { getAccessToken } from "./tokens/get-access-token";
import { setupTokenTest } from "../../testing/credentials/tokens/token-fixture";

// A connection through a shared Zoom app never writes to the app: every other connection
// through it renews with the app's keys, and one wrong paste would stop them all.
const t = setupTokenTest();

/** The owner's live connection through an app the workspace shares, and a person of `role` in it. */
async function sharedAppWithPerson(role: Role) {
  const seeded = await t.seedOAuth({ accessExpiresInMs: 3_600_000 });
  const row = await t.db.credential.findUniqueOrThrow({
    where: { id: seeded.id },
    select: { zoomAppId: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  const zoomAppId = row.zoomAppId!;
  await t.db.zoomApp.update({ where: { id: zoomAppId }, data: { shared: true } });
  const person = await t.db.user.create({
    data: { email: `${role}-${zoomAppId}@example.com`, name: `A ${role}`, passwordHash: "x" },
  });
  await t.db.membership.create({ data: { workspaceId: row.workspace.id, userId: person.id, role } });
  const ctx: WorkspaceContext = {
    user: { id: person.id, email: person.email, name: person.name },
    workspace: row.workspace,
    role,
  };
  const { credentialId: draft } = await startAppConnection(t.db, {
    workspaceId: row.workspace.id,
    ownerId: person.id,
    actor: { userId: person.id, label: person.name },
    zoomAppId,
    name: "My Zoom",
  });
  const app = () => t.db.zoomApp.findUniqueOrThrow({ where: { id: zoomAppId } });
  return { seeded, zoomAppId, ctx, draft, before: await app(), app };
}

/** The AppError a refused call throws: its code and its words. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; userMessage: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, userMessage: error.userMessage };
}

const SHARED_REFUSAL =
  /shared Zoom app “oauth app”: its Client ID, Client Secret and scopes belong to the app/;

describe("a draft through a shared Zoom app", () => {
  it("a member's keys and scopes are refused in words; the app is unchanged and the owner's connection renews with its keys", async () => {
    const { seeded, zoomAppId, ctx, draft, before, app } = await sharedAppWithPerson("member");
    const keys = await refusal(
      saveClientCredentials(t.db, ctx, {
        credentialId: draft,
        clientId: "MembersOwnClientId",
        clientSecret: "MembersOwnClientSecret0123456789",
        pair: "development",
      }),
    );
    expect(keys.code).toBe("forbidden");
    expect(keys.userMessage).toMatch(SHARED_REFUSAL);
    const scopes = await refusal(
      saveScopes(t.db, ctx, { credentialId: draft, choiceIds: ["delete_meeting"] }),
    );
    expect(scopes).toEqual({ code: "forbidden", userMessage: keys.userMessage });
    expect(scopes.userMessage).toContain("only a workspace admin changes them");
    const secret = await refusal(
      replaceClientSecret(t.db, ctx, {
        credentialId: draft,
        clientSecret: "MembersOwnClientSecret0123456789",
      }),
    );
    expect(secret.code).toBe("forbidden");
    expect(secret.userMessage).toContain("only a workspace admin can replace it");
    expect(await app()).toEqual(before);
    expect((await zoomAppKeys(t.db, ctx.workspace.id, zoomAppId))?.clientId).toBe(before.developmentClientId);

    // Zoom accepts the renewal only with the app's own keys.
    const calls = (await t.tokenCalls()).refresh_token;
    const token = await getAccessToken(t.db, seeded.id, { force: true });
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect((await t.tokenCalls()).refresh_token - calls).toBe(1);
    expect((await t.row(seeded.id)).status).toBe("connected");
  }, 30_000);

  it("an admin's draft through it is refused too: the app changes on its own page", async () => {
    const { ctx, draft, before, app } = await sharedAppWithPerson("admin");
    const keys = await refusal(
      saveClientCredentials(t.db, ctx, {
        credentialId: draft,
        clientId: "AdminsOtherClientId",
        clientSecret: "AdminsOtherClientSecret0123456789",
        pair: "production",
      }),
    );
    expect(keys.userMessage).toContain("change them on the app’s page");
    expect((await refusal(saveScopes(t.db, ctx, { credentialId: draft, choiceIds: [] }))).code).toBe(
      "forbidden",
    );
    expect(await app()).toEqual(before);
  });

  it("its wizard opens only from the connect step on: earlier steps send the person there, with no Back", async () => {
    const { ctx, draft } = await sharedAppWithPerson("member");
    const connect = wizardStepUrl(ctx.workspace.slug, draft, oauthGuide, "connect");
    for (const step of ["marketplace", "redirect", "credentials", "scopes"])
      expect(await openWizardStep(t.db, ctx, { credentialId: draft, step })).toEqual({ redirectTo: connect });
    const opened = await openWizardStep(t.db, ctx, { credentialId: draft, step: "connect" });
    if (!("view" in opened)) throw new Error("expected the connect step to open");
    expect(opened.view.backHref).toBeNull();
    expect(["credentials", "scopes", "connect"].map(opened.view.canOpen)).toEqual([false, false, true]);
  });

  it("a draft whose own app was shared later lands on the connect step too (its progress was before it)", async () => {
    const { ctx, draft } = await sharedAppWithPerson("member");
    await t.db.credential.update({ where: { id: draft }, data: { wizardStep: "credentials" } });
    expect(await openWizardStep(t.db, ctx, { credentialId: draft, step: "scopes" })).toEqual({
      redirectTo: wizardStepUrl(ctx.workspace.slug, draft, oauthGuide, "connect"),
    });
  });
});

describe("a private app", () => {
  it("its creator still changes its keys and scopes in their own wizard", async () => {
    const { zoomAppId, ctx, draft, app } = await sharedAppWithPerson("member");
    await t.db.zoomApp.update({
      where: { id: zoomAppId },
      data: { shared: false, createdById: ctx.user.id },
    });
    await t.db.credential.update({ where: { id: draft }, data: { wizardStep: "redirect" } });
    await saveClientCredentials(t.db, ctx, {
      credentialId: draft,
      clientId: "CreatorsNewClientId",
      clientSecret: undefined,
      pair: "development",
    });
    await saveScopes(t.db, ctx, { credentialId: draft, choiceIds: [] });
    expect(await app()).toMatchObject({
      developmentClientId: "CreatorsNewClientId",
      scopes: "user:read:user",
    });
  });

  it("somebody else's is refused in words", async () => {
    const { zoomAppId, ctx, draft, before, app } = await sharedAppWithPerson("member");
    await t.db.zoomApp.update({ where: { id: zoomAppId }, data: { shared: false } });
    const keys = await refusal(
      saveClientCredentials(t.db, ctx, {
        credentialId: draft,
        clientId: "NotMineClientId",
        clientSecret: undefined,
        pair: "development",
      }),
    );
    expect(keys.userMessage).toContain("belongs to the person who added it");
    const { updatedAt: _changed, ...after } = await app();
    const { updatedAt: _before, ...rest } = before;
    expect(after).toEqual({ ...rest, shared: false });
  });
});
