import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { credentialScope } from "./find-credential";

/** The credentials a person sees on the Credentials page, newest first. */
export async function listCredentials(db: Db, ctx: WorkspaceContext) {
  return db.credential.findMany({
    where: credentialScope(ctx),
    select: {
      id: true,
      name: true,
      method: true,
      status: true,
      wizardStep: true,
      zoomEmail: true,
      zoomName: true,
      lastErrorMessage: true,
      accessTokenExpiresAt: true,
      createdAt: true,
      owner: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
