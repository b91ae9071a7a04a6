import type { Db } from "@/lib/db/client";
import { furthest, nextStepKey } from "@/lib/guides/progress";
import type { WizardSubject } from "./subject";

/**
 * The one progress writer. Progress is the furthest step finished, so going
 * Back and finishing an earlier step again never forgets the later ones.
 */

/** The progress to store once `key` is finished (for writes that store it with other columns). */
export function progressAfter(subject: Pick<WizardSubject, "guide" | "progress">, key: string): string {
  return furthest(subject.guide, subject.progress, key);
}

/** Stores `key` as finished on the subject's own column; returns the step to open next. */
export async function recordProgress(
  db: Pick<Db, "credential" | "zoomApp">,
  subject: Pick<WizardSubject, "kind" | "id" | "guide" | "progress">,
  key: string,
): Promise<string> {
  const progress = progressAfter(subject, key);
  if (subject.kind === "credential")
    await db.credential.update({ where: { id: subject.id }, data: { wizardStep: progress } });
  else await db.zoomApp.update({ where: { id: subject.id }, data: { setupStep: progress } });
  return nextStepKey(subject.guide, key);
}
