import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { furthest } from "@/lib/guides/progress";
import { clientSecretUpdate } from "./client-secret-update";
import { loadWizard, requireFormStep } from "./wizard-progress";

/**
 * The OAuth credentials step: the Client ID, and the Client Secret encrypted at once. An empty
 * secret keeps the saved one.
 */
export async function saveClientCredentials(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; clientId: string; clientSecret: string | undefined },
): Promise<void> {
  const { credential, guide } = await loadWizard(db, ctx, input.credentialId);
  const step = requireFormStep(guide, credential.wizardStep, "client-credentials");
  const secret = await clientSecretUpdate(db, credential.id, input.clientSecret);
  await db.$transaction(async (tx) => {
    await tx.credential.update({
      where: { id: credential.id },
      data: {
        clientId: input.clientId,
        ...secret.data,
        wizardStep: furthest(guide, credential.wizardStep, step.key),
      },
    });
    if (secret.replaced) {
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.secret_replaced",
        actor: { userId: ctx.user.id, label: ctx.user.name },
        credentialId: credential.id,
      });
    }
  });
}
