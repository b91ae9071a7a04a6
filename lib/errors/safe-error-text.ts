/**
 * What an error says in the log: the error's name and message only (a
 * stack or a cause could carry a query's values), with what may be a secret
 * blanked — a password in a database URL, anything shaped like a token.
 */
export function safeErrorText(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const message = error.message
    .replace(/(\w+:\/\/)[^/\s@]*@/g, "$1[redacted]@")
    .replace(/[A-Za-z0-9_\-.~+/=]{32,}/g, "[redacted]")
    .slice(0, 300);
  // Prisma's errors from a driver adapter often come with no message, only a code (P1008…).
  const code = (error as { code?: unknown }).code;
  const codeNote = typeof code === "string" && /^P\d{4}$/.test(code) ? `[${code}]` : "";
  return `${error.name}: ${[message, codeNote].filter(Boolean).join(" ")}`;
}
