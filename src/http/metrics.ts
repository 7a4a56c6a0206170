// Prometheus metrics for one server. Each server has its own registry, so several servers in one
// process (the test suite, the benchmarks) do not collide on metric names.
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricsAccess } from './metrics-access';

/** What the gauges read when Prometheus scrapes. */
export interface MetricsProbe {
  storeHead(): Promise<number>;
  projectionPosition(): number;
  subscriptions(): number;
  /** The present held in memory (PresentCache), or null where it is switched off. */
  present(): { entries: number; bytes: number } | null;
}

/**
 * Operation names come from clients: labelled as they come, junk names could fill the label space and
 * push real operations out. So only names the server knows (its explorer's examples, the operator's
 * list) are labels; every other name is counted as `other`.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly operationNames: ReadonlySet<string>;

  readonly graphqlRequests = new Counter({
    name: 'plan_ledger_graphql_requests_total',
    help: 'GraphQL operations answered over HTTP, by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'plan_ledger_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation over HTTP, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly cacheAnswers = new Counter({
    name: 'plan_ledger_graphql_cache_answers_total',
    help: 'GraphQL reads answered from the response cache before Apollo ran: a kept answer (hit) or 304 (not-modified)',
    labelNames: ['answer'] as const,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'plan_ledger_events_appended_total',
    help: 'Events appended to the log since this server started (seen by its store subscription)',
    registers: [this.registry],
  });

  constructor(probe: MetricsProbe, knownOperations: Iterable<string> = []) {
    this.operationNames = new Set(knownOperations);
    collectDefaultMetrics({ register: this.registry, prefix: 'plan_ledger_' });
    const registers = [this.registry];
    new Gauge({
      name: 'plan_ledger_store_head_position',
      help: 'Position of the last event in the log',
      registers,
      async collect() {
        this.set(await probe.storeHead());
      },
    });
    new Gauge({
      name: 'plan_ledger_projection_position',
      help: 'Position of the last event the read model has applied',
      registers,
      collect() {
        this.set(probe.projectionPosition());
      },
    });
    new Gauge({
      name: 'plan_ledger_projection_lag_events',
      help: 'Events in the log the read model has not applied yet',
      registers,
      async collect() {
        this.set(Math.max(0, (await probe.storeHead()) - probe.projectionPosition()));
      },
    });
    new Gauge({
      name: 'plan_ledger_graphql_subscriptions_active',
      help: 'Open Subscription.ledgerEvents subscriptions',
      registers,
      collect() {
        this.set(probe.subscriptions());
      },
    });
    new Gauge({
      name: 'plan_ledger_present_cache_bytes',
      help: 'Approximate memory held by the present kept in memory (its budget is PLAN_LEDGER_PRESENT_CACHE_MB)',
      registers,
      collect() {
        this.set(probe.present()?.bytes ?? 0);
      },
    });
    new Gauge({
      name: 'plan_ledger_present_cache_entries',
      help: 'Measures, projects and indicators whose present is kept in memory',
      registers,
      collect() {
        this.set(probe.present()?.entries ?? 0);
      },
    });
  }

  /** A read the response cache answered: counted with the operations, and on its own. */
  countCacheAnswer(answer: 'hit' | 'not-modified', operationName: string | null): void {
    this.cacheAnswers.inc({ answer });
    this.graphqlRequests.inc({ operation: this.operationLabel(operationName), type: 'query', outcome: 'ok' });
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    return this.operationNames.has(name) ? name : 'other';
  }

  /** The Prometheus scrape, for callers `access` lets in. */
  handler(access: MetricsAccess): RequestHandler {
    return async (req, res, next) => {
      try {
        const refusal = await access(req.headers.authorization);
        if (refusal) {
          res.status(refusal.status).set('cache-control', 'no-store').json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
          return;
        }
        const body = await this.registry.metrics();
        res.set('content-type', this.registry.contentType).set('cache-control', 'no-store').send(body);
      } catch (error) {
        next(error);
      }
    };
  }
}
