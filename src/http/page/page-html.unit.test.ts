import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPageTemplate } from './page-html';

const BUILT = `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8">
    <meta property="csp-nonce" nonce="PLAN_LEDGER_NONCE">
    <script type="module" crossorigin src="/page/assets/index-abc.js" nonce="PLAN_LEDGER_NONCE"></script>
  </head>
</html>`;

describe('the page template', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-ledger-page-html-')), 'index.html');
  writeFileSync(file, BUILT);

  it('puts each response nonce where Vite left its placeholder', () => {
    const html = loadPageTemplate(file, '/graphql').render('n0nce');
    expect(html).not.toContain('PLAN_LEDGER_NONCE');
    expect(html.match(/nonce="n0nce"/g)).toHaveLength(2);
  });

  it('names the GraphQL endpoint right after the charset, escaped', () => {
    const html = loadPageTemplate(file, '/api/"graphql"').render('n');
    expect(html).toContain('<meta charset="utf-8">\n    <meta name="plan-ledger-graphql" content="/api/&quot;graphql&quot;">');
  });
});
