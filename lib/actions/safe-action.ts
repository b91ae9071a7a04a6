import "server-only";
import type { z } from "zod";
import { requireUser, requireWorkspace, type WorkspaceContext } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors/app-error";
import type { ActionState } from "./action-state";

// Field names whose values are never sent back to the browser.
const SECRET_FIELDS = /password|secret|token/i;

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return values;
}

/** Form fields as an object; a name sent several times (checkboxes) becomes an array. */
function formToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue; // React's internal action fields
    const values = formData.getAll(key).filter((value) => typeof value === "string");
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  return fields;
}

const BROKEN_FORM_MESSAGE = "Something is missing from the form. Reload the page and try again.";

/**
 * A browser always sends a form's text fields, empty or not, once each. A
 * field that is missing or sent several times where one value belongs is a
 * stale page or a crafted request, not a typing mistake: there is nothing to
 * highlight, so say what helps.
 */
function isBrokenForm(error: z.ZodError): boolean {
  return error.issues.some((issue) => issue.code === "invalid_type");
}

function failure(error: unknown, formData: FormData): ActionState<never> {
  if (error instanceof AppError)
    return {
      ok: false,
      message: error.userMessage,
      fieldErrors: error.fieldErrors,
      values: echoValues(formData),
    };
  // Next's redirect()/notFound() work by throwing: let them through.
  if (
    error instanceof Error &&
    "digest" in error &&
    typeof error.digest === "string" &&
    error.digest.startsWith("NEXT_")
  )
    throw error;
  console.error("[action] unexpected error:", error instanceof Error ? error.name : typeof error);
  return { ok: false, message: GENERIC_ERROR_MESSAGE, fieldErrors: {}, values: echoValues(formData) };
}

async function run<S extends z.ZodType, C, R>(
  schema: S,
  formData: FormData,
  context: () => Promise<C>,
  handler: (ctx: C, input: z.infer<S>) => Promise<ActionState<R> | void>,
): Promise<ActionState<R>> {
  try {
    const ctx = await context();
    const parsed = schema.safeParse(formToObject(formData));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return {
        ok: false,
        message: isBrokenForm(parsed.error) ? BROKEN_FORM_MESSAGE : "Please check the highlighted fields.",
        fieldErrors,
        values: echoValues(formData),
      };
    }
    return (await handler(ctx, parsed.data)) ?? { ok: true };
  } catch (error) {
    return failure(error, formData);
  }
}

/**
 * Every workspace server action goes through here: session → membership →
 * role → zod-parsed input → one lib/ function → a message for the page.
 * Bind the workspace slug on the page: `action.bind(null, slug)`.
 */
export function workspaceAction<S extends z.ZodType, R = undefined>(
  options: { schema: S; role: Role },
  handler: (ctx: WorkspaceContext, input: z.infer<S>) => Promise<ActionState<R> | void>,
) {
  return (slug: string, _previous: ActionState<R> | null, formData: FormData) =>
    run(options.schema, formData, () => requireWorkspace(slug, options.role), handler);
}

/** For actions of a signed-in person outside any workspace (e.g. create one). */
export function userAction<S extends z.ZodType, R = undefined>(
  options: { schema: S },
  handler: (user: SessionUser, input: z.infer<S>) => Promise<ActionState<R> | void>,
) {
  return (_previous: ActionState<R> | null, formData: FormData) =>
    run(options.schema, formData, requireUser, handler);
}

/** For the few actions open to everyone (first-run setup, joining by invite). */
export function publicAction<S extends z.ZodType, R = undefined>(
  options: { schema: S },
  handler: (ctx: null, input: z.infer<S>) => Promise<ActionState<R> | void>,
) {
  return (_previous: ActionState<R> | null, formData: FormData) =>
    run(options.schema, formData, () => Promise.resolve(null), handler);
}
