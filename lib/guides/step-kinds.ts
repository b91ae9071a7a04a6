import { z } from "zod";
import {
  accessTokenFormSchema,
  clientCredentialsSchema,
  credentialFormSchema,
  expectedZoomEmailSchema,
  s2sCredentialsSchema,
  scopesFormSchema,
} from "@/lib/credentials/schemas";

/** The form of a step where Next alone finishes it: which step, and of what. */
const readStepSchema = z.object({ credentialId: z.string().min(1), step: z.string().min(1).max(40) });
const subjectOnly = credentialFormSchema;

type KindRule = {
  /** Next alone finishes the step: the person reads, acts on Zoom, and goes on. */
  readOnly: boolean;
  /** The button that finishes the step, as its view labels it (null: the last step has none). */
  button: string | null;
  /** What the step's form sends, checked by its server action (null: the step sends nothing). */
  schema: z.ZodType | null;
};

/**
 * Every kind of wizard step, in one place: whether Next alone finishes it,
 * its button and its form's schema. A guide step picks its kind; the
 * views render it (components/wizard/step-registry.tsx for credentials,
 * components/zoom-apps/app-setup-views.tsx for "Add a Zoom app"). A new form
 * kind is a line here and a view there.
 */
export const STEP_KIND_RULES = {
  info: { readOnly: true, button: "Next", schema: readStepSchema },
  "copy-urls": { readOnly: true, button: "Next", schema: readStepSchema },
  "client-credentials": { readOnly: false, button: "Next", schema: clientCredentialsSchema },
  scopes: { readOnly: false, button: "Next", schema: scopesFormSchema },
  connect: {
    readOnly: false,
    button: "Connect to Zoom",
    schema: z.object({ credentialId: z.string().min(1), expectedZoomEmail: expectedZoomEmailSchema }),
  },
  "s2s-credentials": { readOnly: false, button: "Next", schema: s2sCredentialsSchema },
  "s2s-connect": { readOnly: false, button: "Connect to Zoom", schema: subjectOnly },
  "jwt-notice": { readOnly: true, button: "Next", schema: readStepSchema },
  "token-paste": { readOnly: false, button: "Next", schema: accessTokenFormSchema },
  "token-test": { readOnly: false, button: "Test connection", schema: subjectOnly },
  done: { readOnly: false, button: null, schema: null },
} as const satisfies Record<string, KindRule>;

export type StepKind = keyof typeof STEP_KIND_RULES;
export const STEP_KINDS = Object.keys(STEP_KIND_RULES) as StepKind[];

/**
 * A kind's button, by its literal label: the wizard's Next form, Connect and Test connection name
 * their buttons from here; the form kinds' views submit with WizardSubmit's "Next".
 */
export const STEP_BUTTONS = Object.fromEntries(
  STEP_KINDS.map((kind) => [kind, STEP_KIND_RULES[kind].button]),
) as { [K in StepKind]: (typeof STEP_KIND_RULES)[K]["button"] };
