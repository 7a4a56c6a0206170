// "As of an instant" reads must stay index range reads as the log grows: the same question (the same
// measure at the same recordedAt, so the same answer) is timed on the small ledger and on the full one.
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Ledger } from '../src/application/ledger';
import { createRequestContext, type RequestContext } from '../src/graphql/context';
import { createApolloServer } from '../src/graphql/server';
import { MEASURE_OVERVIEW_AT } from './operations';
import { msSince, percentile } from './stats';

export interface AsOfSample {
  events: number;
  p50Ms: number;
  /** The answer, to prove the large ledger was asked the same question. */
  answer: string;
}

export class AsOfProbe {
  private server: ApolloServer<RequestContext & BaseContext> | null = null;

  constructor(
    private readonly ledger: Ledger,
    private readonly samples: number,
  ) {}

  async sample(code: string, at: string): Promise<AsOfSample> {
    if (!this.server) {
      this.server = await createApolloServer();
      await this.server.start();
    }
    const times: number[] = [];
    let answer = '';
    for (let i = 0; i < this.samples + 20; i++) {
      const started = process.hrtime.bigint();
      const response = await this.server.executeOperation(
        { query: MEASURE_OVERVIEW_AT, variables: { code, at } },
        { contextValue: createRequestContext(this.ledger, 'bench') },
      );
      const elapsed = msSince(started);
      if (response.body.kind !== 'single' || response.body.singleResult.errors) {
        throw new Error(`as-of query failed: ${JSON.stringify(response.body)}`.slice(0, 500));
      }
      // The first 20 warm the JIT and the page cache.
      if (i >= 20) times.push(elapsed);
      answer = JSON.stringify(response.body.singleResult.data);
    }
    return { events: await this.ledger.store.headPosition(), p50Ms: percentile(times, 50), answer };
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}
