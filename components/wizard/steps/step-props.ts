import type { ReactNode } from "react";
import type { WizardStepView } from "@/lib/credentials/open-wizard-step";
import type { StepKind } from "@/lib/guides/step-kinds";
import type { Guide } from "@/lib/guides/types";
import type { OpenStep } from "@/lib/wizard/gate";

/** What every wizard's page decides on the server (lib/wizard/gate.ts), whatever it sets up. */
export type BaseStepView = OpenStep & { slug: string; guide: Guide };

/** What a credential wizard's step component gets (lib/credentials/open-wizard-step.ts). */
export type StepProps = { view: WizardStepView };

type StepComponent<V> = (props: { view: V }) => ReactNode | Promise<ReactNode>;

/** What a kind renders: its form or panel, and an optional alert shown right under the title. */
export type StepView<V> = { Body: StepComponent<V>; Alert?: StepComponent<V> };

/** One wizard's views by step kind; a guide may only use kinds its wizard has a view for. */
export type StepViews<V> = Partial<Record<StepKind, StepView<V>>>;
