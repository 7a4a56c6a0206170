// The page for analysts and auditors (web/): its deep links answer the built index.html under the same
// Content-Security-Policy as the explorer, and its hashed assets are served from this server alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { fromRoot } from '../../config/paths';
import { sendNoncedHtml } from '../nonced-html';
import { isDeepLink, PAGE_ASSET_PATH } from './deep-links';
import { loadPageTemplate, type PageTemplate } from './page-html';

/** `npm run build` writes the page here (web/vite.config.ts). */
export const PAGE_BUILD_DIR = fromRoot('web', 'dist');

export function pageRoutes(graphqlPath: string, buildDir: string = PAGE_BUILD_DIR): Router {
  const router = Router();
  // Read once, on the first request: a server started before the build (tests) still finds it.
  let template: PageTemplate | null = null;
  const page = (): PageTemplate | null => {
    const index = join(buildDir, 'index.html');
    if (!template && existsSync(index)) template = loadPageTemplate(index, graphqlPath);
    return template;
  };

  // Hashed names: a file never changes under its name, so browsers may keep it for a year.
  router.use(PAGE_ASSET_PATH, express.static(join(buildDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));

  router.get(/.*/, (req, res, next) => {
    if (!isDeepLink(req.path)) {
      next();
      return;
    }
    const built = page();
    if (!built) {
      res.status(503).type('text/plain; charset=utf-8').send('The page is not built: run npm run build.\n');
      return;
    }
    sendNoncedHtml(res, (nonce) => built.render(nonce));
  });
  return router;
}
