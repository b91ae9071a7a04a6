import type { Db } from "@/lib/db/client";
import { encrypt } from "@/lib/crypto";
import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { pairColumns, pairOf } from "./find-zoom-app";

type Tx = Pick<Db, "zoomApp">;

const notFound = () =>
  new AppError("not_found", "That Zoom app does not exist, or you do not have access to it.");

/**
 * The scopes the person means to add to the app in Zoom. `privateOnly`: a
 * connection's wizard writes only an app that is not shared (one shared in
 * the meantime is answered "not found" rather than changed).
 */
export async function saveZoomAppScopes(
  tx: Tx,
  input: { workspaceId: string; zoomAppId: string; scopes: string[]; privateOnly?: boolean },
): Promise<void> {
  const result = await tx.zoomApp.updateMany({
    where: {
      id: input.zoomAppId,
      workspaceId: input.workspaceId,
      ...(input.privateOnly ? { shared: false } : {}),
    },
    data: { scopes: input.scopes.join(" ") },
  });
  if (result.count !== 1) throw notFound();
}

/**
 * A new Client Secret for the app's pair in use (after "Regenerate" in Zoom).
 * One write for the whole app: each of its connections keeps its tokens and
 * renews with the new secret the next time. Returns what the audit log and
 * the person are told.
 */
export async function replaceZoomAppSecret(
  tx: Tx,
  input: { workspaceId: string; zoomAppId: string; clientSecret: string },
): Promise<{ name: string; connections: number }> {
  const app = await tx.zoomApp.findFirst({
    where: { id: input.zoomAppId, workspaceId: input.workspaceId },
    select: { id: true, name: true, activePair: true, _count: { select: { credentials: true } } },
  });
  if (!app) throw notFound();
  const column = pairColumns(pairOf(app)).clientSecret;
  await tx.zoomApp.update({
    where: { id: app.id },
    data: { [column]: encrypt(input.clientSecret, zoomAppSecretContext(app.id, column)) },
  });
  return { name: app.name, connections: app._count.credentials };
}

/**
 * After a credential is deleted: a private app (made in a credential's
 * wizard; apps added on the Zoom apps page are shared) with no credential
 * left goes too, and its secret with it — nothing renews with its keys any
 * more, and its maker, unless an admin, has no page to reach it. Admins
 * still see it on the Zoom apps page until then. A shared app stays, even
 * when no credential uses it.
 */
export async function releaseZoomApp(
  tx: Tx,
  input: { workspaceId: string; zoomAppId: string | null },
): Promise<void> {
  if (!input.zoomAppId) return;
  await tx.zoomApp.deleteMany({
    where: { id: input.zoomAppId, workspaceId: input.workspaceId, shared: false, credentials: { none: {} } },
  });
}
