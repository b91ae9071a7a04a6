/** What every form's server action returns to the page. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      /** What the person typed (never secrets), so a failed form keeps it. */
      values: Record<string, string>;
    };
