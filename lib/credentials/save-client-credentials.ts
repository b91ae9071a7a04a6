import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { assertWizardMayChangeApp } from "@/lib/zoom-apps/app-permissions";
import type { ZoomAppPair } from "@/lib/zoom-apps/find-zoom-app";
import { saveZoomAppKeys } from "@/lib/zoom-apps/save-zoom-app-keys";
import { requireStepOfKind } from "@/lib/wizard/gate";
import { recordProgress } from "@/lib/wizard/progress-writer";
import { loadWizard } from "./wizard-progress";

type Keys = { clientId: string; clientSecret: string | undefined };

/**
 * The OAuth credentials step: the Client ID, and the Client Secret encrypted at once, into the
 * pair the person says they pasted, on the credential's own Zoom app (made on the first save).
 * An empty secret keeps the saved one.
 */
export function saveClientCredentials(
  db: Db,
  ctx: WorkspaceContext,
  input: Keys & { credentialId: string; pair: ZoomAppPair },
): Promise<void> {
  return saveKeysStep(db, ctx, input.credentialId, "client-credentials", {
    kind: "oauth",
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    pair: input.pair,
  });
}

/**
 * The Server-to-Server credentials step: Account ID and Client ID, and the secret encrypted at
 * once (empty keeps the saved one), on the credential's own Zoom app.
 */
export function saveServerToServerCredentials(
  db: Db,
  ctx: WorkspaceContext,
  input: Keys & { credentialId: string; accountId: string },
): Promise<void> {
  // Only the Server-to-Server guide has this form, so another method fails the gate.
  return saveKeysStep(db, ctx, input.credentialId, "s2s-credentials", {
    kind: "s2s",
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    accountId: input.accountId,
  });
}

/**
 * A keys step of a wizard: through its gate, onto the Zoom app, the step marked done. Only an
 * app this person may change is written (never a shared one: lib/zoom-apps/app-permissions.ts).
 */
async function saveKeysStep(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  stepKey: "client-credentials" | "s2s-credentials",
  keys: Keys & { kind: "oauth" | "s2s"; accountId?: string; pair?: ZoomAppPair },
): Promise<void> {
  const { credential, subject } = await loadWizard(db, ctx, credentialId);
  // Before the gate: its "Finish the earlier steps first" would not say why.
  assertWizardMayChangeApp(ctx, credential.zoomApp);
  const step = requireStepOfKind(subject, stepKey);
  await db.$transaction(async (tx) => {
    const { replacedSecret } = await saveZoomAppKeys(tx, {
      workspaceId: ctx.workspace.id,
      credential,
      // The app is private to the connection's owner, also when an admin fills the step in.
      createdById: credential.ownerId,
      ...keys,
    });
    await recordProgress(tx, subject, step.key);
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
