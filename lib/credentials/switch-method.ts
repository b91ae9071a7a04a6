import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { findCredential } from "./find-credential";

/** "Use Server-to-Server OAuth instead": a legacy draft starts over as Server-to-Server, same id and name. */
export async function switchToServerToServer(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<void> {
  const credential = await findCredential(db, ctx, credentialId);
  if (credential.method !== "access_token" || credential.status !== "draft")
    throw new AppError("conflict", "Only a legacy credential that is not connected yet can switch.");
  await db.credential.update({
    where: { id: credential.id },
    data: {
      method: "s2s",
      wizardStep: null,
      accessTokenEnc: null,
      accessTokenExpiresAt: null,
      lastErrorCode: null,
      lastErrorMessage: null,
      lastErrorAt: null,
    },
  });
}
