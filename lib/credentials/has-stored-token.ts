import type { Db } from "@/lib/db/client";

/** Whether a credential of this workspace has an access token stored (never the token itself). */
export async function hasStoredAccessToken(
  db: Pick<Db, "credential">,
  workspaceId: string,
  credentialId: string,
): Promise<boolean> {
  const sealed = await db.credential.findFirst({
    where: { id: credentialId, workspaceId },
    select: { accessTokenEnc: true },
  });
  return Boolean(sealed?.accessTokenEnc);
}
