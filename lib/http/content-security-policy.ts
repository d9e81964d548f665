/**
 * Content Security Policy. The static pages (the guide, the start page) cannot carry a
 * per-request nonce, so next.config.mjs gives them `'unsafe-inline'` scripts; the
 * dynamic pages a brokerage or staff member uses after signing in (/submit, /staff) get
 * a fresh nonce per request from proxy.ts instead, which Next puts on its own scripts.
 */
export function nonceContentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load are trusted; nothing inline without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The pages that get the nonce policy. */
export function usesNoncePolicy(pathname: string): boolean {
  return /^\/(staff|submit)(\/|$)/.test(pathname);
}
