import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { furthest } from "@/lib/guides/progress";
import { saveZoomAppKeys } from "@/lib/zoom-apps/save-zoom-app-keys";
import { loadWizard, requireFormStep } from "./wizard-progress";

/**
 * The Server-to-Server credentials step: Account ID and Client ID, and the secret encrypted at
 * once (empty keeps the saved one), on the credential's own Zoom app.
 */
export async function saveServerToServerCredentials(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; accountId: string; clientId: string; clientSecret: string | undefined },
): Promise<void> {
  const { credential, guide } = await loadWizard(db, ctx, input.credentialId);
  // Only the Server-to-Server guide has this form, so another method fails the gate.
  const step = requireFormStep(guide, credential.wizardStep, "s2s-credentials");
  await db.$transaction(async (tx) => {
    const { replacedSecret } = await saveZoomAppKeys(tx, {
      workspaceId: ctx.workspace.id,
      credential,
      createdById: ctx.user.id,
      kind: "s2s",
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      accountId: input.accountId,
    });
    await tx.credential.update({
      where: { id: credential.id },
      data: { wizardStep: furthest(guide, credential.wizardStep, step.key) },
    });
    if (replacedSecret) {
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.secret_replaced",
        actor: { userId: ctx.user.id, label: ctx.user.name },
        credentialId: credential.id,
      });
    }
  });
}
