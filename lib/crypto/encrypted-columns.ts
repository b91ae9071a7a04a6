import type { Db } from "@/lib/db/client";

/**
 * Every encrypted column in the database, with the context each value is
 * bound to. The start-up check and key rotation walk this list, so a new
 * encrypted column must be added here.
 */
export const credentialSecretColumns = ["clientSecretEnc", "accessTokenEnc", "refreshTokenEnc"] as const;
export type CredentialSecretColumn = (typeof credentialSecretColumns)[number];

export function credentialSecretContext(credentialId: string, column: CredentialSecretColumn): string {
  return `credential:${credentialId}:${column}`;
}

export type EncryptedValue = { credentialId: string; column: CredentialSecretColumn; value: string };

/** Reads encrypted values in pages so ten thousand credentials do not load at once. */
export async function* encryptedCredentialValues(db: Db, pageSize = 500): AsyncGenerator<EncryptedValue> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.credential.findMany({
      select: { id: true, clientSecretEnc: true, accessTokenEnc: true, refreshTokenEnc: true },
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const row of rows) {
      for (const column of credentialSecretColumns) {
        const value = row[column];
        if (value) yield { credentialId: row.id, column, value };
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    cursor = last.id;
  }
}
