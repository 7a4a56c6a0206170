// A browser opening /graphql gets the GraphiQL explorer; every other client gets GraphQL over HTTP.
import { Router, type Request } from 'express';
import { ASSET_PATH, EXPLORER_ASSETS } from './assets';
import { exampleTabs } from './example-operations';
import { sendNoncedHtml } from '../nonced-html';
import { explorerPage } from './explorer-page';

const GRAPHQL_TYPES = ['application/graphql-response+json', 'application/json', 'text/html'];

/** A GET with no operation whose Accept header prefers HTML over either GraphQL response type. */
export const wantsExplorer = (req: Request): boolean =>
  req.method === 'GET' && req.query['query'] === undefined && req.accepts(GRAPHQL_TYPES) === 'text/html';

export function explorerRoutes(graphqlPath: string): Router {
  const router = Router();

  router.get(graphqlPath, (req, res, next) => {
    if (!wantsExplorer(req)) {
      next();
      return;
    }
    // The same URL answers GraphQL to other clients: caches must key on Accept.
    res.set('vary', 'accept');
    sendNoncedHtml(res, (nonce) => explorerPage({ endpoint: graphqlPath, tabs: exampleTabs() }, nonce));
  });

  router.get(`${ASSET_PATH}/:name`, (req, res, next) => {
    // Own keys only: `__proto__` or `toString` would find Object.prototype's members and fail in sendFile.
    const name = req.params['name'] ?? '';
    const asset = Object.hasOwn(EXPLORER_ASSETS, name) ? EXPLORER_ASSETS[name] : undefined;
    if (!asset) {
      next();
      return;
    }
    res.sendFile(asset.file, { headers: { 'content-type': asset.contentType }, maxAge: '1h' }, (error) => error && next(error));
  });
  return router;
}
