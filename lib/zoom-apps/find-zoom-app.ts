import type { Db } from "@/lib/db/client";
import { decrypt } from "@/lib/crypto";
import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";

/**
 * The one way to read a Zoom app: always inside a workspace. Secrets stay out
 * of everything here but `zoomAppKeys`, which decrypts the pair in use for
 * the one call to Zoom that needs it.
 */
export const zoomAppSelect = {
  id: true,
  workspaceId: true,
  createdById: true,
  name: true,
  kind: true,
  developmentClientId: true,
  productionClientId: true,
  accountId: true,
  activePair: true,
  scopes: true,
  shared: true,
} as const;

export type ZoomAppPair = "development" | "production";
export type ZoomAppSummary = {
  id: string;
  name: string;
  kind: string;
  activePair: string;
  developmentClientId: string | null;
  productionClientId: string | null;
  accountId: string | null;
  scopes: string;
  shared: boolean;
};

export const pairOf = (app: { activePair: string }): ZoomAppPair =>
  app.activePair === "production" ? "production" : "development";

/** The columns of a pair: Zoom gives every app a Development and a Production Client ID/Secret. */
export function pairColumns(pair: ZoomAppPair) {
  return pair === "production"
    ? ({ clientId: "productionClientId", clientSecret: "productionClientSecretEnc" } as const)
    : ({ clientId: "developmentClientId", clientSecret: "developmentClientSecretEnc" } as const);
}

/** The Client ID of the pair the app's connections use. */
export function activeClientId(
  app: Pick<ZoomAppSummary, "activePair" | "developmentClientId" | "productionClientId">,
) {
  return app[pairColumns(pairOf(app)).clientId];
}

/** Apps whose pair in use has this Client ID: for Zoom, the same app. */
export function sameClientIdWhere(clientId: string) {
  return {
    OR: [
      { activePair: "development", developmentClientId: clientId },
      { activePair: "production", productionClientId: clientId },
    ],
  };
}

const notFound = () =>
  new AppError("not_found", "That Zoom app does not exist, or you do not have access to it.");

export async function findZoomApp(db: Db, workspaceId: string, zoomAppId: string) {
  if (!workspaceId || !zoomAppId) throw notFound();
  const app = await db.zoomApp.findFirst({
    where: { id: zoomAppId, workspaceId },
    select: {
      ...zoomAppSelect,
      developmentClientSecretEnc: true,
      productionClientSecretEnc: true,
      eventSecretTokenEnc: true,
      _count: { select: { credentials: true } },
    },
  });
  if (!app) throw notFound();
  const { developmentClientSecretEnc, productionClientSecretEnc, eventSecretTokenEnc, _count, ...summary } =
    app;
  const sealed = pairOf(app) === "production" ? productionClientSecretEnc : developmentClientSecretEnc;
  // Whether a secret is stored, never the secret itself.
  return {
    ...summary,
    hasClientSecret: sealed !== null,
    hasEventSecretToken: eventSecretTokenEnc !== null,
    connections: _count.credentials,
  };
}

export type ZoomAppRecord = Awaited<ReturnType<typeof findZoomApp>>;

export type ZoomAppKeys = { kind: string; clientId: string; clientSecret: string; accountId: string | null };

/**
 * The decrypted keys of the pair in use, or null while the app lacks its
 * Client ID or Secret (or, for Server-to-Server, its Account ID).
 */
export async function zoomAppKeys(
  db: Db,
  workspaceId: string,
  zoomAppId: string | null,
): Promise<ZoomAppKeys | null> {
  if (!workspaceId || !zoomAppId) return null;
  const app = await db.zoomApp.findFirst({
    where: { id: zoomAppId, workspaceId },
    select: {
      id: true,
      kind: true,
      activePair: true,
      accountId: true,
      developmentClientId: true,
      developmentClientSecretEnc: true,
      productionClientId: true,
      productionClientSecretEnc: true,
    },
  });
  if (!app) return null;
  const columns = pairColumns(pairOf(app));
  const clientId = app[columns.clientId];
  const sealed = app[columns.clientSecret];
  if (!clientId || !sealed || (app.kind === "s2s" && !app.accountId)) return null;
  return {
    kind: app.kind,
    clientId,
    clientSecret: decrypt(sealed, zoomAppSecretContext(app.id, columns.clientSecret)),
    accountId: app.accountId,
  };
}
