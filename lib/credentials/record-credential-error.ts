import type { Db } from "@/lib/db/client";
import type { ZoomErrorEntry } from "@/lib/zoom/error-catalogue";

export type CredentialError = { code: string; message: string };

export function credentialErrorFrom(entry: ZoomErrorEntry): CredentialError {
  return { code: entry.zoomCode ?? entry.id, message: entry.message };
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
