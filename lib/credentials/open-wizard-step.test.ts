import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { createTempDatabase } from "@/lib/db/temp-database";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { firstUnfinishedStep, neighbours, nextStepKey, stepNumber } from "@/lib/guides/progress";
import { wizardStepUrl } from "@/lib/guides/step-url";
import { completeInfoStep } from "./wizard-progress";
import { openWizardStep } from "./open-wizard-step";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let ctx: WorkspaceContext;
beforeEach(async () => {
  temp = await createTempDatabase();
  const user = await temp.db.user.create({ data: { email: "w@example.com", name: "W", passwordHash: "x" } });
  const workspace = await temp.db.workspace.create({ data: { name: "W", slug: "ws" } });
  ctx = { user: { id: user.id, email: user.email, name: user.name }, workspace, role: "owner" };
});
afterEach(() => temp.cleanup());

// Addresses and numbers come from the guide, so a step added to it changes nothing here.
const url = (id: string, key: (typeof oauthGuide.keys)[number]) => wizardStepUrl("ws", id, oauthGuide, key);

const draft = (wizardStep: string | null, method = "oauth") =>
  temp.db.credential.create({
    data: { workspaceId: ctx.workspace.id, ownerId: ctx.user.id, name: "C", method, wizardStep },
  });

describe("opening a wizard step", () => {
  it("opens a reachable step with its number, Back and next addresses", async () => {
    const { previous, next } = neighbours(oauthGuide, "credentials");
    const credential = await draft(previous!.key);
    const opened = await openWizardStep(temp.db, ctx, { credentialId: credential.id, step: "credentials" });
    if (!("view" in opened)) throw new Error("expected the step to open");
    expect(opened.view).toMatchObject({
      step: { key: "credentials", kind: "client-credentials" },
      number: stepNumber(oauthGuide, "credentials"),
      total: oauthGuide.steps.length,
      backHref: url(credential.id, previous!.key),
      nextHref: url(credential.id, next!.key),
    });
    expect(opened.view.canOpen(next!.key)).toBe(false);
  });

  it("sends someone skipping ahead to their first unfinished step", async () => {
    const credential = await draft("app-type");
    expect(await openWizardStep(temp.db, ctx, { credentialId: credential.id, step: "connect" })).toEqual({
      redirectTo: url(credential.id, firstUnfinishedStep(oauthGuide, "app-type").key),
    });
  });

  it("treats a stored step the guide no longer has as nothing finished", async () => {
    const credential = await draft("oauth-step-from-an-old-version");
    expect(await openWizardStep(temp.db, ctx, { credentialId: credential.id, step: "scopes" })).toEqual({
      redirectTo: url(credential.id, oauthGuide.keys[0]),
    });
  });

  it("says not found for a step of another wizard", async () => {
    const credential = await draft(null, "s2s");
    await expect(
      openWizardStep(temp.db, ctx, { credentialId: credential.id, step: "redirect" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("Next on a step that only asks to read", () => {
  it("marks it done and names the guide's next step; going Back and Next again keeps the progress", async () => {
    const credential = await draft("credentials");
    expect(
      await completeInfoStep(temp.db, ctx, { credentialId: credential.id, step: "app-type" }),
    ).toMatchObject({
      next: nextStepKey(oauthGuide, "app-type"),
    });
    const row = await temp.db.credential.findUniqueOrThrow({ where: { id: credential.id } });
    expect(row.wizardStep).toBe("credentials");
  });

  it("refuses a step with a form, and one out of reach", async () => {
    const credential = await draft("redirect");
    await expect(
      completeInfoStep(temp.db, ctx, { credentialId: credential.id, step: "credentials" }),
    ).rejects.toThrow(/form filled in/);
    await expect(
      completeInfoStep(temp.db, ctx, { credentialId: credential.id, step: "connect" }),
    ).rejects.toThrow(/earlier steps/);
  });
});
