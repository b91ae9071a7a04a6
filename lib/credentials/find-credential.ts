import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { zoomAppSelect } from "@/lib/zoom-apps/find-zoom-app";

/**
 * The one way to load a credential for a person: inside their workspace,
 * and — for members — only their own. Anything else is "not found".
 */
export function credentialScope(ctx: WorkspaceContext) {
  return { workspaceId: ctx.workspace.id, ...(isAdmin(ctx.role) ? {} : { ownerId: ctx.user.id }) };
}

export async function findCredential(db: Db, ctx: WorkspaceContext, credentialId: string) {
  if (typeof credentialId !== "string" || credentialId.length === 0) throw notFound();
  const credential = await db.credential.findFirst({
    where: { id: credentialId, ...credentialScope(ctx) },
    include: {
      owner: { select: { id: true, name: true, email: true } },
      zoomApp: { select: zoomAppSelect },
    },
  });
  if (!credential) throw notFound();
  return credential;
}

export type CredentialRecord = Awaited<ReturnType<typeof findCredential>>;

const notFound = () =>
  new AppError("not_found", "That credential does not exist, or you do not have access to it.");
