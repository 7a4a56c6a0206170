// The built index.html, with this response's nonce where Vite left its placeholder and the GraphQL
// endpoint named for the page's client.
import { readFileSync } from 'node:fs';

/** Vite writes this (web/vite.config.ts, html.cspNonce) on every <script>, <link> and the csp-nonce meta. */
export const NONCE_PLACEHOLDER = 'PLAN_LEDGER_NONCE';

const CHARSET = '<meta charset="utf-8">';

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface PageTemplate {
  render(nonce: string): string;
}

export function loadPageTemplate(indexFile: string, graphqlPath: string): PageTemplate {
  const built = readFileSync(indexFile, 'utf8');
  const endpoint = `<meta name="plan-ledger-graphql" content="${escapeAttribute(graphqlPath)}">`;
  // After the charset declaration, which must come first.
  const html = built.includes(CHARSET) ? built.replace(CHARSET, `${CHARSET}\n    ${endpoint}`) : built.replace('<head>', `<head>${endpoint}`);
  return { render: (nonce) => html.replaceAll(NONCE_PLACEHOLDER, nonce) };
}
