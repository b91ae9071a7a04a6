import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/roles";
import type { Guide } from "@/lib/guides/types";
import { openStep, type OpenStep } from "@/lib/wizard/gate";
import type { CredentialRecord } from "./find-credential";
import { loadWizard } from "./wizard-progress";

/** Everything a credential's wizard page renders, decided on the server. */
export type WizardStepView = OpenStep & {
  slug: string;
  /** Who is looking: some warnings show members only their own connections. */
  viewer: { userId: string; role: Role };
  credential: CredentialRecord;
  guide: Guide;
};

export type OpenedStep = { redirectTo: string } | { view: WizardStepView };

/**
 * The credential wizard page's one call: the credential (scoped to the
 * person), its guide, and the gate's decision (lib/wizard/gate.ts) for the
 * step in the URL; through a shared app, only the connect step on is open.
 */
export async function openWizardStep(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; step: string },
): Promise<OpenedStep> {
  const { credential, guide, subject } = await loadWizard(db, ctx, input.credentialId);
  const slug = ctx.workspace.slug;
  const opened = openStep(slug, subject, input.step);
  if ("redirectTo" in opened) return opened;
  return {
    view: { ...opened.open, slug, viewer: { userId: ctx.user.id, role: ctx.role }, credential, guide },
  };
}
