import type { ReactNode } from "react";
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
import type { StepProps } from "./steps/step-props";

type StepComponent = (props: StepProps) => ReactNode | Promise<ReactNode>;

/** What a kind renders: its form or panel, and an optional alert shown right under the title. */
export type StepView = { Body: StepComponent; Alert?: StepComponent };

/**
 * The one place a step kind meets its component. A guide step picks its kind;
 * a new kind adds a component and a line here (the type makes a missing one
 * a build error).
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
} satisfies Record<StepKind, StepView>;
