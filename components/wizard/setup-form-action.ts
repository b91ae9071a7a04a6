import type { ActionState } from "@/lib/actions/action-state";

/** A guided-setup form's server action, with the workspace slug bound first (lib/actions/safe-action.ts). */
export type SetupFormAction = (
  slug: string,
  previous: ActionState | null,
  formData: FormData,
) => Promise<ActionState>;
