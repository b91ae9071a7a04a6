import type { WizardStepView } from "@/lib/credentials/open-wizard-step";
import type { StepKind } from "@/lib/guides/types";
import {
  ConnectAlert,
  ConnectStep,
  S2SConnectAlert,
  S2SConnectStep,
  TokenTestStep,
} from "./steps/connect-steps";
import { ClientCredentialsStep, S2SCredentialsStep, ScopesStep, TokenPasteStep } from "./steps/form-steps";
import { CopyUrlsStepBody, DoneStep, InfoStep, JwtNoticeStep } from "./steps/read-steps";
import type { StepView } from "./steps/step-props";

/**
 * The credential wizard's view of every step kind (lib/guides/step-kinds.ts).
 * A new kind adds a component and a line here (the type makes a missing one
 * a build error). "Add a Zoom app" has its own, smaller set
 * (components/zoom-apps/app-setup-views.tsx); both go through one renderer,
 * components/wizard/wizard-step-page.tsx.
 */
export const STEP_VIEWS = {
  info: { Body: InfoStep },
  "copy-urls": { Body: CopyUrlsStepBody },
  "client-credentials": { Body: ClientCredentialsStep },
  scopes: { Body: ScopesStep },
  connect: { Body: ConnectStep, Alert: ConnectAlert },
  "s2s-credentials": { Body: S2SCredentialsStep },
  "s2s-connect": { Body: S2SConnectStep, Alert: S2SConnectAlert },
  "jwt-notice": { Body: JwtNoticeStep },
  "token-paste": { Body: TokenPasteStep },
  "token-test": { Body: TokenTestStep },
  done: { Body: DoneStep },
} satisfies Record<StepKind, StepView<WizardStepView>>;
