"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { signInWith } from "./sign-in-after";

type State = ActionState<{ slug: string }> | null;

/**
 * For forms that create an account (first-run setup, joining by invite):
 * run the action, then sign in with what was typed and open the workspace.
 */
export function useAccountAction(
  action: (previous: State, formData: FormData) => Promise<NonNullable<State>>,
) {
  const router = useRouter();
  return useActionState(async (previous: State, formData: FormData): Promise<State> => {
    const result = await action(previous, formData);
    if (result.ok && result.data)
      router.replace((await signInWith(formData)) ? `/w/${result.data.slug}/credentials` : "/sign-in");
    return result;
  }, null);
}
