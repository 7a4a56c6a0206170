// The server's own HTML pages (the GraphiQL explorer, the page for analysts and auditors): one
// Content-Security-Policy, with a fresh nonce for each response's inline scripts, and never cached.
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/**
 * Scripts run only from this origin or with this response's nonce, and the page connects only back
 * to this origin: a closed-network deployment sees at once if anything tries to reach outside.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sends the page `render` writes for this response's nonce, under the policy that admits only it. */
export function sendNoncedHtml(res: Response, render: (nonce: string) => string): void {
  const nonce = randomBytes(16).toString('base64');
  res
    .status(200)
    .set('content-type', 'text/html; charset=utf-8')
    .set('content-security-policy', contentSecurityPolicy(nonce))
    .set('cache-control', 'no-store')
    .send(render(nonce));
}
