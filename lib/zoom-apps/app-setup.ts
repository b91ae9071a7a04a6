import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { encrypt } from "@/lib/crypto";
import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { SCOPE_CHOICES, scopesForChoices } from "@/lib/guides/scopes";
import type { Guide } from "@/lib/guides/types";
import { openStep, requireReadOnlyStep, requireStepOfKind, type OpenStep } from "@/lib/wizard/gate";
import { recordProgress } from "@/lib/wizard/progress-writer";
import { subjectOf } from "@/lib/wizard/subject";
import { appSetupGuide, type AppSetupKey } from "./app-setup-guide";
import { findZoomApp, pairColumns, pairOf, type ZoomAppPair, type ZoomAppRecord } from "./find-zoom-app";
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

/** The app as the wizard engine's subject: an admin's OAuth app and its setup progress. */
async function loadSetup(db: Db, ctx: WorkspaceContext, zoomAppId: string) {
  const app = await findZoomApp(db, ctx.workspace.id, zoomAppId);
  if (app.kind !== "oauth") throw new AppError("not_found", "This Zoom app has no guided setup.");
  const stored = await db.zoomApp.findUniqueOrThrow({ where: { id: app.id }, select: { setupStep: true } });
  return { app, subject: subjectOf("zoom-app", app.id, appSetupGuide, stored.setupStep) };
}

/** Everything an app-setup page renders, decided on the server. */
export type AppSetupStepView = OpenStep & { slug: string; app: ZoomAppRecord; guide: Guide };

/**
 * The app-setup page's one call: the app (OAuth apps only) and the gate's decision. Only admins
 * reach it: the page and every app-setup action require the admin role.
 */
export async function openAppSetupStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; step: string },
): Promise<{ redirectTo: string } | { view: AppSetupStepView }> {
  const { app, subject } = await loadSetup(db, ctx, input.zoomAppId);
  const slug = ctx.workspace.slug;
  const opened = openStep(slug, subject, input.step);
  if ("redirectTo" in opened) return opened;
  return { view: { ...opened.open, slug, app, guide: appSetupGuide } };
}

/** Next on a step where the admin only reads and acts on Zoom. */
export async function completeAppSetupStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; step: string },
): Promise<AppSetupKey> {
  const { subject } = await loadSetup(db, ctx, input.zoomAppId);
  const step = requireReadOnlyStep(subject, input.step);
  return (await recordProgress(db, subject, step.key)) as AppSetupKey;
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
  const { app, subject } = await loadSetup(db, ctx, input.zoomAppId);
  const key = requireStepOfKind(subject, "client-credentials").key;
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
    return (await recordProgress(tx, subject, key)) as AppSetupKey;
  });
}

/** The scopes step: what the app's connections may do, the required scope always. */
export async function saveAppSetupScopes(
  db: Db,
  ctx: WorkspaceContext,
  input: { zoomAppId: string; choiceIds: string[] },
): Promise<AppSetupKey> {
  const { app, subject } = await loadSetup(db, ctx, input.zoomAppId);
  const key = requireStepOfKind(subject, "scopes").key;
  const known = new Set(SCOPE_CHOICES.map((c) => c.id));
  if (input.choiceIds.some((id) => !known.has(id)))
    throw new AppError("invalid_input", "One of the choices is not known. Reload the page and try again.");
  return db.$transaction(async (tx) => {
    await saveZoomAppScopes(tx, {
      workspaceId: ctx.workspace.id,
      zoomAppId: app.id,
      scopes: scopesForChoices(input.choiceIds),
    });
    return (await recordProgress(tx, subject, key)) as AppSetupKey;
  });
}
