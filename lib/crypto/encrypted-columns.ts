import type { Db } from "@/lib/db/client";

/**
 * Every encrypted column in the database, with the context each value is
 * bound to (AES-GCM associated data: a value copied to another row or column
 * does not decrypt). The start-up check and key rotation walk this list, so a
 * new encrypted column must be added here.
 */
export const encryptedColumns = {
  credential: ["accessTokenEnc", "refreshTokenEnc"],
  zoomApp: ["developmentClientSecretEnc", "productionClientSecretEnc", "eventSecretTokenEnc"],
  webhookEndpoint: ["secretEnc"],
} as const;

export type EncryptedTable = keyof typeof encryptedColumns;
export type CredentialSecretColumn = (typeof encryptedColumns.credential)[number];
export type ZoomAppSecretColumn = (typeof encryptedColumns.zoomApp)[number];
export type WebhookSecretColumn = (typeof encryptedColumns.webhookEndpoint)[number];

export function credentialSecretContext(credentialId: string, column: CredentialSecretColumn): string {
  return `credential:${credentialId}:${column}`;
}

export function zoomAppSecretContext(zoomAppId: string, column: ZoomAppSecretColumn): string {
  return `zoom-app:${zoomAppId}:${column}`;
}

export function webhookSecretContext(endpointId: string): string {
  return `webhook-endpoint:${endpointId}:secretEnc`;
}

export type EncryptedValue =
  | { table: "credential"; rowId: string; column: CredentialSecretColumn; value: string }
  | { table: "zoomApp"; rowId: string; column: ZoomAppSecretColumn; value: string }
  | { table: "webhookEndpoint"; rowId: string; column: WebhookSecretColumn; value: string };

export function contextOf(item: EncryptedValue): string {
  if (item.table === "webhookEndpoint") return webhookSecretContext(item.rowId);
  return item.table === "credential"
    ? credentialSecretContext(item.rowId, item.column)
    : zoomAppSecretContext(item.rowId, item.column);
}

/** Where a value was read from, in words for a log line (never the value). */
export function describeLocation(item: EncryptedValue): string {
  if (item.table === "webhookEndpoint") return `webhook ${item.rowId} (${item.column})`;
  return item.table === "credential"
    ? `credential ${item.rowId} (${item.column})`
    : `Zoom app ${item.rowId} (${item.column})`;
}

type Row = { id: string } & Record<string, string | null>;

/** Reads rows in pages so ten thousand credentials do not load at once. */
async function* paged(fetch: (cursor: string | undefined) => Promise<Row[]>, pageSize: number) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetch(cursor);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    cursor = last.id;
  }
}

/** Every stored encrypted value of every table, page by page. */
export async function* encryptedValues(db: Db, pageSize = 500): AsyncGenerator<EncryptedValue> {
  const page = (cursor: string | undefined) => ({
    orderBy: { id: "asc" as const },
    take: pageSize,
    ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
  });
  const credentials = paged(
    (cursor) =>
      db.credential.findMany({
        select: { id: true, accessTokenEnc: true, refreshTokenEnc: true },
        ...page(cursor),
      }),
    pageSize,
  );
  for await (const row of credentials)
    for (const column of encryptedColumns.credential) {
      const value = row[column];
      if (value) yield { table: "credential", rowId: row.id, column, value };
    }
  const apps = paged(
    (cursor) =>
      db.zoomApp.findMany({
        select: {
          id: true,
          developmentClientSecretEnc: true,
          productionClientSecretEnc: true,
          eventSecretTokenEnc: true,
        },
        ...page(cursor),
      }),
    pageSize,
  );
  for await (const row of apps)
    for (const column of encryptedColumns.zoomApp) {
      const value = row[column];
      if (value) yield { table: "zoomApp", rowId: row.id, column, value };
    }
  const webhooks = paged(
    (cursor) => db.webhookEndpoint.findMany({ select: { id: true, secretEnc: true }, ...page(cursor) }),
    pageSize,
  );
  for await (const row of webhooks)
    if (row.secretEnc)
      yield { table: "webhookEndpoint", rowId: row.id, column: "secretEnc", value: row.secretEnc };
}
