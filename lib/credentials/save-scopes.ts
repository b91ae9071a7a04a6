import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { furthest } from "@/lib/guides/progress";
import { SCOPE_CHOICES, scopesForChoices } from "@/lib/guides/scopes";
import { loadWizard, requireFormStep } from "./wizard-progress";

/** The scopes step: the scopes the person means to add in Zoom (the required one always). */
export async function saveScopes(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; choiceIds: string[] },
): Promise<{ scopes: string[] }> {
  const { credential, guide } = await loadWizard(db, ctx, input.credentialId);
  const step = requireFormStep(guide, credential.wizardStep, "scopes");
  const known = new Set(SCOPE_CHOICES.map((c) => c.id));
  const unknown = input.choiceIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError("invalid_input", "One of the choices is not known. Reload the page and try again.");
  const scopes = scopesForChoices(input.choiceIds);
  await db.credential.update({
    where: { id: credential.id },
    data: { requestedScopes: scopes.join(" "), wizardStep: furthest(guide, credential.wizardStep, step.key) },
  });
  return { scopes };
}
