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
  n8nTarget: ["apiKeyEnc"],
} as const;

export type EncryptedTable = keyof typeof encryptedColumns;
export type CredentialSecretColumn = (typeof encryptedColumns.credential)[number];
export type ZoomAppSecretColumn = (typeof encryptedColumns.zoomApp)[number];
export type WebhookSecretColumn = (typeof encryptedColumns.webhookEndpoint)[number];
export type N8nTargetSecretColumn = (typeof encryptedColumns.n8nTarget)[number];

export function credentialSecretContext(credentialId: string, column: CredentialSecretColumn): string {
  return `credential:${credentialId}:${column}`;
}

export function zoomAppSecretContext(zoomAppId: string, column: ZoomAppSecretColumn): string {
  return `zoom-app:${zoomAppId}:${column}`;
}

export function webhookSecretContext(endpointId: string): string {
  return `webhook-endpoint:${endpointId}:secretEnc`;
}

export function n8nTargetSecretContext(targetId: string): string {
  return `n8n-target:${targetId}:apiKeyEnc`;
}

export type EncryptedValue =
  | { table: "credential"; rowId: string; column: CredentialSecretColumn; value: string }
  | { table: "zoomApp"; rowId: string; column: ZoomAppSecretColumn; value: string }
  | { table: "webhookEndpoint"; rowId: string; column: WebhookSecretColumn; value: string }
  | { table: "n8nTarget"; rowId: string; column: N8nTargetSecretColumn; value: string };

export function contextOf(item: EncryptedValue): string {
  if (item.table === "webhookEndpoint") return webhookSecretContext(item.rowId);
  if (item.table === "n8nTarget") return n8nTargetSecretContext(item.rowId);
  return item.table === "credential"
    ? credentialSecretContext(item.rowId, item.column)
    : zoomAppSecretContext(item.rowId, item.column);
}

/** Where a value was read from, in words for a log line (never the value). */
export function describeLocation(item: EncryptedValue): string {
  if (item.table === "webhookEndpoint") return `webhook ${item.rowId} (${item.column})`;
  if (item.table === "n8nTarget") return `n8n target ${item.rowId} (${item.column})`;
  return item.table === "credential"
    ? `credential ${item.rowId} (${item.column})`
    : `Zoom app ${item.rowId} (${item.column})`;
}

type Row = { id: string } & Record<string, string | null>;

/** One row's stored encrypted values (columns holding none are left out). */
export type EncryptedRow =
  | { table: "credential"; rowId: string; values: Partial<Record<CredentialSecretColumn, string>> }
  | { table: "zoomApp"; rowId: string; values: Partial<Record<ZoomAppSecretColumn, string>> }
  | { table: "webhookEndpoint"; rowId: string; values: Partial<Record<WebhookSecretColumn, string>> }
  | { table: "n8nTarget"; rowId: string; values: Partial<Record<N8nTargetSecretColumn, string>> };

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

function valuesOf<C extends string>(row: Row, columns: readonly C[]): Partial<Record<C, string>> {
  const values: Partial<Record<C, string>> = {};
  for (const column of columns) {
    const value = row[column];
    if (value) values[column] = value;
  }
  return values;
}

const credentialSelect = { id: true, accessTokenEnc: true, refreshTokenEnc: true } as const;
const zoomAppSelect = {
  id: true,
  developmentClientSecretEnc: true,
  productionClientSecretEnc: true,
  eventSecretTokenEnc: true,
} as const;
const webhookSelect = { id: true, secretEnc: true } as const;
const n8nTargetSelect = { id: true, apiKeyEnc: true } as const;

/** Every row of every table that holds encrypted values, page by page. */
export async function* encryptedRows(db: Db, pageSize = 500): AsyncGenerator<EncryptedRow> {
  const page = (cursor: string | undefined) => ({
    orderBy: { id: "asc" as const },
    take: pageSize,
    ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
  });
  const credentials = paged(
    (cursor) => db.credential.findMany({ select: credentialSelect, ...page(cursor) }),
    pageSize,
  );
  for await (const row of credentials)
    yield { table: "credential", rowId: row.id, values: valuesOf(row, encryptedColumns.credential) };
  const apps = paged((cursor) => db.zoomApp.findMany({ select: zoomAppSelect, ...page(cursor) }), pageSize);
  for await (const row of apps)
    yield { table: "zoomApp", rowId: row.id, values: valuesOf(row, encryptedColumns.zoomApp) };
  const webhooks = paged(
    (cursor) => db.webhookEndpoint.findMany({ select: webhookSelect, ...page(cursor) }),
    pageSize,
  );
  for await (const row of webhooks)
    yield {
      table: "webhookEndpoint",
      rowId: row.id,
      values: valuesOf(row, encryptedColumns.webhookEndpoint),
    };
  const n8nTargets = paged(
    (cursor) => db.n8nTarget.findMany({ select: n8nTargetSelect, ...page(cursor) }),
    pageSize,
  );
  for await (const row of n8nTargets)
    yield { table: "n8nTarget", rowId: row.id, values: valuesOf(row, encryptedColumns.n8nTarget) };
}

/** The same row read again (null when it is gone), for a writer that lost a conditional update. */
export async function rereadEncryptedRow(db: Db, row: EncryptedRow): Promise<EncryptedRow | null> {
  if (row.table === "credential") {
    const fresh = await db.credential.findUnique({ where: { id: row.rowId }, select: credentialSelect });
    return (
      fresh && { table: "credential", rowId: fresh.id, values: valuesOf(fresh, encryptedColumns.credential) }
    );
  }
  if (row.table === "webhookEndpoint") {
    const fresh = await db.webhookEndpoint.findUnique({ where: { id: row.rowId }, select: webhookSelect });
    return (
      fresh && {
        table: "webhookEndpoint",
        rowId: fresh.id,
        values: valuesOf(fresh, encryptedColumns.webhookEndpoint),
      }
    );
  }
  if (row.table === "n8nTarget") {
    const fresh = await db.n8nTarget.findUnique({ where: { id: row.rowId }, select: n8nTargetSelect });
    return (
      fresh && { table: "n8nTarget", rowId: fresh.id, values: valuesOf(fresh, encryptedColumns.n8nTarget) }
    );
  }
  const fresh = await db.zoomApp.findUnique({ where: { id: row.rowId }, select: zoomAppSelect });
  return fresh && { table: "zoomApp", rowId: fresh.id, values: valuesOf(fresh, encryptedColumns.zoomApp) };
}

/** A row's values one by one. */
export function valuesOfRow(row: EncryptedRow): EncryptedValue[] {
  return Object.entries(row.values).map(
    ([column, value]) => ({ table: row.table, rowId: row.rowId, column, value }) as EncryptedValue,
  );
}

/** Every stored encrypted value of every table, page by page. */
export async function* encryptedValues(db: Db, pageSize = 500): AsyncGenerator<EncryptedValue> {
  for await (const row of encryptedRows(db, pageSize)) yield* valuesOfRow(row);
}
