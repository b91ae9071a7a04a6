import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-event";
import { sameAppConnections } from "@/lib/credentials/connect-warnings";
import { AppError } from "@/lib/errors/app-error";
import { formStep } from "@/lib/guides/progress";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { zoomAppKeys, zoomAppSelect } from "./find-zoom-app";

const notUsable = () =>
  new AppError("not_found", "That Zoom app is not available to connect through. Ask a workspace admin.");

/**
 * The apps a member may connect through in one screen: the workspace's
 * shared General apps whose keys are complete. Only what a member needs to
 * choose is returned — never another person's connection.
 */
export async function listConnectableApps(db: Db, workspaceId: string) {
  if (!workspaceId) return [];
  const apps = await db.zoomApp.findMany({
    where: { workspaceId, kind: "oauth", shared: true },
    orderBy: { createdAt: "asc" },
    select: zoomAppSelect,
  });
  const usable = await Promise.all(
    apps.map(async (app) => ((await zoomAppKeys(db, workspaceId, app.id)) ? app : null)),
  );
  return usable.filter((app) => app !== null);
}

/**
 * Zoom users already connected through this app: if the person signs in to
 * Zoom as one of them, Zoom keeps only the newest authorization and the other
 * connection stops. A member sees the Zoom emails of their own connections
 * only; of other people's, just how many there are (lib/credentials/connect-warnings.ts).
 */
export async function zoomUsersOnApp(
  db: Db,
  workspaceId: string,
  zoomAppId: string,
  viewer: { userId: string; role: Role },
): Promise<string[]> {
  const app = await db.zoomApp.findFirst({ where: { id: zoomAppId, workspaceId }, select: zoomAppSelect });
  if (!app) return [];
  const others = await sameAppConnections(db, { workspaceId, credentialId: "", zoomApp: app }, viewer);
  const emails = [...new Set(others.visible.map((c) => c.zoomEmail).filter((e) => e !== null))];
  if (others.othersCount > 0)
    emails.push(`${others.othersCount} Zoom user${others.othersCount === 1 ? "" : "s"} of other people`);
  return emails;
}

/**
 * A connection through a shared app, ready for the Zoom handshake: a draft
 * credential owned by `ownerId` pointing at the app, its setup finished up to
 * the connect step (the app's keys and scopes are the app's). A retry after a
 * failed handshake reuses the person's unconnected draft.
 */
export async function startAppConnection(
  db: Db,
  input: {
    workspaceId: string;
    ownerId: string;
    actor: AuditActor;
    zoomAppId: string;
    name: string;
    retryCredentialId?: string | undefined;
  },
): Promise<{ credentialId: string }> {
  const app = await db.zoomApp.findFirst({
    where: { id: input.zoomAppId, workspaceId: input.workspaceId, kind: "oauth", shared: true },
    select: { id: true, name: true },
  });
  if (!app || !(await zoomAppKeys(db, input.workspaceId, app.id))) throw notUsable();
  // The step before Connect is done: the person lands on it if they open the wizard.
  const wizardStep = formStep(oauthGuide, "scopes").key;
  return db.$transaction(async (tx) => {
    const retry = input.retryCredentialId
      ? await tx.credential.findFirst({
          where: {
            id: input.retryCredentialId,
            workspaceId: input.workspaceId,
            ownerId: input.ownerId,
            zoomAppId: app.id,
            status: "draft",
          },
          select: { id: true },
        })
      : null;
    if (retry) {
      await tx.credential.update({ where: { id: retry.id }, data: { name: input.name } });
      return { credentialId: retry.id };
    }
    const credential = await tx.credential.create({
      data: {
        workspaceId: input.workspaceId,
        ownerId: input.ownerId,
        zoomAppId: app.id,
        name: input.name,
        method: "oauth",
        status: "draft",
        wizardStep,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      action: "credential.created",
      actor: input.actor,
      credentialId: credential.id,
      details: { name: input.name, method: "oauth", zoomApp: app.name },
    });
    return { credentialId: credential.id };
  });
}
