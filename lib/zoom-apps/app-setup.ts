import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { encrypt } from "@/lib/crypto";
import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { canOpenStep, firstUnfinishedStep, furthest, nextStepKey, parseStep } from "@/lib/guides/progress";
import { SCOPE_CHOICES, scopesForChoices } from "@/lib/guides/scopes";
import type { StepKind } from "@/lib/guides/types";
import { appSetupGuide, type AppSetupKey } from "./app-setup-guide";
import { findZoomApp, pairColumns, pairOf, type ZoomAppPair } from "./find-zoom-app";
import { saveZoomAppScopes } from "./manage-zoom-app";

const actor = (ctx: WorkspaceContext) => ({ userId: ctx.user.id, label: ctx.user.name });

/** An admin starts "Add a Zoom app": a General app of the workspace, shared with every member. */
export async function startZoomApp(db: Db, ctx: WorkspaceContext, input: { name: string }) {
  return db.$transaction(async (tx) => {
    const app = await tx.zoomApp.create({
      data: {
        workspaceId: ctx.workspace.id,
        createdById: ctx.user.id,
        name: input.name,
        kind: "oauth",
        shared: true,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "zoom_app.created",
      actor: actor(ctx),
      details: { zoomAppId: app.id, name: input.name, shared: true },
    });
    return app;
  });
}

async function loadSetup(db: Db, ctx: WorkspaceContext, zoomAppId: string) {
  const app = await findZoomApp(db, ctx.workspace.id, zoomAppId);
  if (app.kind !== "oauth") throw new AppError("not_found", "This Zoom app has no guided setup.");
  const stored = await db.zoomApp.findUniqueOrThrow({ where: { id: app.id }, select: { setupStep: true } });
  return { app, setupStep: stored.setupStep };
}

/** The gate of the app setup: the step in the URL, or where to go instead. */
export async function openAppSetupStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; step: string },
) {
  const { app, setupStep } = await loadSetup(db, ctx, input.zoomAppId);
  const key = parseStep(appSetupGuide, input.step);
  if (!key) throw new AppError("not_found", "This setup step does not exist.");
  const canOpen = (k: string) => {
    const parsed = parseStep(appSetupGuide, k);
    return parsed !== null && canOpenStep(appSetupGuide, setupStep, parsed);
  };
  // Out of reach: back to the first unfinished step, so nobody skips ahead by editing the URL.
  return {
    app,
    key,
    canOpen,
    allowed: canOpen(key),
    resume: firstUnfinishedStep(appSetupGuide, setupStep).key,
  };
}

function requireStep(setupStep: string | null, key: AppSetupKey, kind: StepKind) {
  const step = appSetupGuide.steps.find((s) => s.key === key);
  if (!step || step.kind !== kind || !canOpenStep(appSetupGuide, setupStep, key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  return step.key;
}

const stepOf = (kind: StepKind): AppSetupKey => {
  const step = appSetupGuide.steps.find((s) => s.kind === kind);
  if (!step) throw new Error(`The app setup has no ${kind} step.`);
  return step.key;
};

async function finish(db: Pick<Db, "zoomApp">, appId: string, stored: string | null, key: AppSetupKey) {
  await db.zoomApp.update({
    where: { id: appId },
    data: { setupStep: furthest(appSetupGuide, stored, key) },
  });
  return nextStepKey(appSetupGuide, key);
}

/** Next on a step where the admin only reads and acts on Zoom. */
export async function completeAppSetupStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; step: string },
): Promise<AppSetupKey> {
  const { app, setupStep } = await loadSetup(db, ctx, input.zoomAppId);
  const key = parseStep(appSetupGuide, input.step);
  const step = appSetupGuide.steps.find((s) => s.key === key);
  if (!step || !canOpenStep(appSetupGuide, setupStep, step.key))
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  if (step.kind !== "info" && step.kind !== "copy-urls")
    throw new AppError("invalid_input", "This step needs its form filled in.");
  return finish(db, app.id, setupStep, step.key);
}

/**
 * The keys step: the pair the person says they pasted (Development for an
 * unpublished app) becomes the app's pair in use. The secret is sealed at
 * once; an empty field keeps the saved one.
 */
export async function saveAppSetupKeys(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; clientId: string; clientSecret: string | undefined; pair: ZoomAppPair },
): Promise<AppSetupKey> {
  const { app, setupStep } = await loadSetup(db, ctx, input.zoomAppId);
  const key = requireStep(setupStep, stepOf("client-credentials"), "client-credentials");
  const samePair = pairOf(app) === input.pair;
  if (!input.clientSecret && !(samePair && app.hasClientSecret))
    throw new AppError("invalid_input", "Please check the highlighted fields.", {
      clientSecret: "Paste the Client Secret from your app’s App Credentials.",
    });
  const columns = pairColumns(input.pair);
  return db.$transaction(async (tx) => {
    await tx.zoomApp.update({
      where: { id: app.id },
      data: {
        activePair: input.pair,
        [columns.clientId]: input.clientId,
        ...(input.clientSecret
          ? {
              [columns.clientSecret]: encrypt(
                input.clientSecret,
                zoomAppSecretContext(app.id, columns.clientSecret),
              ),
            }
          : {}),
      },
    });
    if (input.clientSecret && samePair && app.hasClientSecret)
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "zoom_app.secret_replaced",
        actor: actor(ctx),
        details: { zoomAppId: app.id, name: app.name, connections: app.connections },
      });
    return finish(tx, app.id, setupStep, key);
  });
}

/** The scopes step: what the app's connections may do, the required scope always. */
export async function saveAppSetupScopes(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; choiceIds: string[] },
): Promise<AppSetupKey> {
  const { app, setupStep } = await loadSetup(db, ctx, input.zoomAppId);
  const key = requireStep(setupStep, stepOf("scopes"), "scopes");
  const known = new Set(SCOPE_CHOICES.map((c) => c.id));
  if (input.choiceIds.some((id) => !known.has(id)))
    throw new AppError("invalid_input", "One of the choices is not known. Reload the page and try again.");
  return db.$transaction(async (tx) => {
    await saveZoomAppScopes(tx, {
      workspaceId: ctx.workspace.id,
      zoomAppId: app.id,
      scopes: scopesForChoices(input.choiceIds),
    });
    return finish(tx, app.id, setupStep, key);
  });
}
