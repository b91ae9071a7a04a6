import type { WizardStepView } from "@/lib/credentials/open-wizard-step";

/** What every step component gets: the page's one decision (lib/credentials/open-wizard-step.ts). */
export type StepProps = { view: WizardStepView };
