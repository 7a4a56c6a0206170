// The paths the page answers (web/src/routing/routes.ts reads the same ones; a unit test checks that
// the two agree). Only these: /graphql, /health*, /metrics and /explorer/assets stay the API's, and a
// path that names nothing is the API's 404, not a page saying so.

const PAGE_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/\d{6}\/?$/,
  /^\/\d{6}\/indicator\/[^/]+\/?$/,
  /^\/\d{6}\/edition\/\d{4}\/?$/,
  /^\/\d{6}\/compare\/\d{4}\/\d{4}\/?$/,
  /^\/compare\/\d{4}\/?$/,
  /^\/\d{6}\/audit\/?$/,
];

/** Whether a request path (as sent: still URL-encoded) is one of the page's deep links. */
export const isDeepLink = (path: string): boolean => PAGE_PATHS.some((pattern) => pattern.test(path));

/** Where the built page's hashed files are served from (Vite's `base`, web/vite.config.ts). */
export const PAGE_ASSET_PATH = '/page/assets';
