import type { Db } from "@/lib/db/client";
import { lookupZoomCode, type ZoomErrorEntry } from "@/lib/zoom/error-catalogue";

export type CredentialError = { code: string; message: string };

/**
 * The stored code is looked up again to show the fix link. Zoom's code is kept
 * unless it means another entry there: 4700 in an API answer is a missing
 * scope, but "invalid redirect" on Zoom's pages — then the catalogue id is stored.
 */
export function credentialErrorFrom(entry: ZoomErrorEntry): CredentialError {
  const code = entry.zoomCode ?? entry.id;
  const readBack = lookupZoomCode(code).id;
  return { code: readBack === entry.id || readBack === "unknown" ? code : entry.id, message: entry.message };
}

/** Keeps the last error in plain words on the credential. */
export async function recordCredentialError(
  db: Pick<Db, "credential">,
  credentialId: string,
  error: CredentialError,
  now = new Date(),
): Promise<void> {
  // updateMany: the credential may have been deleted meanwhile; then there is nothing to note.
  await db.credential.updateMany({
    where: { id: credentialId },
    data: {
      lastErrorCode: error.code.slice(0, 60),
      lastErrorMessage: error.message.slice(0, 1000),
      lastErrorAt: now,
    },
  });
}
