// Probes for an orchestrator: /healthz says the process answers; /readyz says its answers are current.
import { Router } from 'express';
import type { Ledger } from '../application/ledger';

export interface ReadinessOptions {
  /** Events the read model may be behind the store and still be ready. */
  maxLag: number;
  /** True once shutdown has begun: a draining server takes no new traffic. */
  draining: () => boolean;
}

export const DEFAULT_MAX_PROJECTION_LAG = 100;

export function healthRoutes(ledger: Ledger, options: ReadinessOptions): Router {
  const router = Router();
  router.use(['/healthz', '/readyz'], (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const position = ledger.readModel.checkpoint();
    let head: number;
    try {
      head = await ledger.log.headPosition();
    } catch {
      res.status(503).json({ status: 'store unavailable', position });
      return;
    }
    const lag = Math.max(0, head - position);
    const status = options.draining() ? 'draining' : lag > options.maxLag ? 'lagging' : 'ready';
    res.status(status === 'ready' ? 200 : 503).json({ status, position, head, lag, maxLag: options.maxLag });
  });
  return router;
}
