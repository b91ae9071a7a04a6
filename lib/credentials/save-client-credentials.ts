import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { furthest } from "@/lib/guides/progress";
import type { ZoomAppPair } from "@/lib/zoom-apps/find-zoom-app";
import { saveZoomAppKeys } from "@/lib/zoom-apps/save-zoom-app-keys";
import { loadWizard, requireFormStep } from "./wizard-progress";

/**
 * The OAuth credentials step: the Client ID, and the Client Secret encrypted at once, into the
 * pair the person says they pasted, on the credential's own Zoom app (made on the first save).
 * An empty secret keeps the saved one.
 */
export async function saveClientCredentials(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; pair: ZoomAppPair; clientId: string; clientSecret: string | undefined },
): Promise<void> {
  const { credential, guide } = await loadWizard(db, ctx, input.credentialId);
  const step = requireFormStep(guide, credential.wizardStep, "client-credentials");
  await db.$transaction(async (tx) => {
    const { replacedSecret } = await saveZoomAppKeys(tx, {
      workspaceId: ctx.workspace.id,
      credential,
      createdById: ctx.user.id,
      kind: "oauth",
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      pair: input.pair,
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
