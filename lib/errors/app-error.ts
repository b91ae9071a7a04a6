/**
 * The one error type the domain throws on purpose. `userMessage` is written
 * for the person on the other side of the screen; anything else that is
 * thrown is a bug and is shown as a generic message (never its text).
 */
export type AppErrorCode =
  "unauthenticated" | "forbidden" | "not_found" | "invalid_input" | "conflict" | "rate_limited" | "zoom";

const httpStatus: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  rate_limited: 429,
  zoom: 502,
};

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(userMessage);
    this.status = httpStatus[code];
  }
}

export const GENERIC_ERROR_MESSAGE =
  "Something went wrong on our side. Nothing was changed. Please try again.";
