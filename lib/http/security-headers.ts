/**
 * The Content-Security-Policy of every page. Scripts run only with this
 * request's nonce (Next.js reads it from the request's CSP header and puts it
 * on its own scripts); 'strict-dynamic' lets those scripts load the chunks
 * they need. Styles keep 'unsafe-inline': the dialogs set style attributes,
 * which a nonce cannot cover, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // Development's fast refresh evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The Zoom handshake starts with next-auth's client signIn(), which posts
    // with fetch and then navigates; no form ever posts to another origin.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** HSTS only where the public address is https: on plain http browsers ignore it, and it would mislead. */
export function strictTransportSecurity(appUrl = process.env.APP_URL): string | null {
  return appUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
