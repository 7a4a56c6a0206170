import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The server (src/http/page/page-html.ts) replaces this per response with that response's CSP nonce.
const NONCE_PLACEHOLDER = 'PLAN_LEDGER_NONCE';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Assets live under /page/assets/, beside the deep links, never under a path the API owns.
  base: '/page/',
  // Vite puts the nonce on every <script> and <link> it writes, and in <meta property="csp-nonce">,
  // where its preload helper finds it for the chunks a view imports later.
  html: { cspNonce: NONCE_PLACEHOLDER },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs ES2022 modules has modulepreload: no polyfill.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
