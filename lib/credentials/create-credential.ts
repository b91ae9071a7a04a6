import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { CredentialMethod } from "./schemas";

/** A new draft credential owned by the person who starts the wizard. */
export async function createCredential(
  db: Db,
  ctx: WorkspaceContext,
  input: { name: string; method: CredentialMethod },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const credential = await tx.credential.create({
      data: {
        workspaceId: ctx.workspace.id,
        ownerId: ctx.user.id,
        name: input.name,
        method: input.method,
        status: "draft",
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: ctx.workspace.id,
      action: "credential.created",
      actor: { userId: ctx.user.id, label: ctx.user.name },
      credentialId: credential.id,
      details: { name: input.name, method: input.method },
    });
    return credential;
  });
}
