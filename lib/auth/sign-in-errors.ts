/**
 * next-auth passes a thrown error's message to the browser as the sign-in
 * error code, so we throw only these codes and the page maps them to words.
 */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "That email and password do not match. Check both and try again.",
  RateLimited:
    "Too many failed attempts. For your safety, sign-in is paused for 15 minutes. Try again later.",
  InvalidInput: "Enter your email address and password.",
  Busy: "Too many sign-ins right now — try again in a moment.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return code in SIGN_IN_ERRORS
    ? SIGN_IN_ERRORS[code as SignInErrorCode]
    : "Sign-in did not work. Please try again.";
}
