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
  return `${error.name}: ${message}`;
}
