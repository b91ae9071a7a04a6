import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { decrypt, encrypt } from "@/lib/crypto";
import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";

const COLUMN = "eventSecretTokenEnc" as const;

/**
 * The Secret Token Zoom shows under Features → Event Subscriptions (or on
 * App Credentials for newer apps). Zoom signs every event with it, so it is
 * kept like a Client Secret: encrypted, bound to the app's row and column.
 */
export async function saveEventSecretToken(
  db: Pick<Db, "zoomApp">,
  input: { workspaceId: string; zoomAppId: string; secretToken: string },
): Promise<{ replaced: boolean }> {
  const app = await db.zoomApp.findFirst({
    where: { id: input.zoomAppId, workspaceId: input.workspaceId },
    select: { id: true, eventSecretTokenEnc: true },
  });
  if (!app) throw new AppError("not_found", "That Zoom app does not exist, or you do not have access to it.");
  await db.zoomApp.update({
    where: { id: app.id },
    data: { [COLUMN]: encrypt(input.secretToken, zoomAppSecretContext(app.id, COLUMN)) },
  });
  return { replaced: app.eventSecretTokenEnc !== null };
}

/** A person saving it on the app's page: the token and its audit record, in one transaction. */
export async function saveEventSecretTokenAudited(
  db: Db,
  ctx: Pick<WorkspaceContext, "workspace" | "user">,
  input: { zoomAppId: string; secretToken: string },
): Promise<{ replaced: boolean }> {
  return db.$transaction(async (tx) => {
    const result = await saveEventSecretToken(tx, { workspaceId: ctx.workspace.id, ...input });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "zoom_app.event_token_saved",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      details: { zoomAppId: input.zoomAppId, replaced: result.replaced },
    });
    return result;
  });
}

/**
 * The door for Zoom's own calls to an app's event endpoint, which carry no
 * workspace: the app by its id alone, with the Secret Token decrypted for the
 * signature check (null while none is saved). Nothing else reads apps this way.
 */
export async function findAppForZoomEvents(db: Pick<Db, "zoomApp">, zoomAppId: string) {
  if (typeof zoomAppId !== "string" || zoomAppId.length === 0) return null;
  const app = await db.zoomApp.findUnique({
    where: { id: zoomAppId },
    select: {
      id: true,
      workspaceId: true,
      name: true,
      developmentClientId: true,
      productionClientId: true,
      eventSecretTokenEnc: true,
    },
  });
  if (!app) return null;
  const { eventSecretTokenEnc, ...rest } = app;
  return {
    ...rest,
    secretToken: eventSecretTokenEnc
      ? decrypt(eventSecretTokenEnc, zoomAppSecretContext(app.id, COLUMN))
      : null,
  };
}

export type EventApp = NonNullable<Awaited<ReturnType<typeof findAppForZoomEvents>>>;
