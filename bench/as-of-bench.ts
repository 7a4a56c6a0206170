// "As of an instant" reads must stay index range reads as the log grows: the same question (the same
// measure at the same recordedAt, so the same answer) is timed on a snapshot of the ledger taken when it
// held ~10k events and on the full ledger. Both are asked in the same rounds at the end of the run, in
// turns, so a busy moment of the machine hits both alike; the ratio is the median of the rounds' ratios.
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Ledger } from '../src/application/ledger';
import { createRequestContext, type RequestContext } from '../src/graphql/context';
import { createApolloServer } from '../src/graphql/apollo-server';
import { MEASURE_OVERVIEW_AT } from './operations';
import { median, msSince, percentile } from './stats';

export interface AsOfQuestion {
  code: string;
  at: string;
}

export interface AsOfFigures {
  eventsSmall: number;
  eventsLarge: number;
  p50MsSmall: number;
  p50MsLarge: number;
  ratio: number;
}

/** The question for the small ledger: its first measure, as of its last event. */
export function asOfQuestion(ledger: Ledger): AsOfQuestion {
  const code = ledger.readModel.databaseForTests().prepare<[], string>(`SELECT entity_id FROM rm_field_current WHERE entity_type = 'measure' AND field = 'department' ORDER BY entity_id LIMIT 1`).pluck().get();
  const at = ledger.readModel.databaseForTests().prepare<[], string>('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1').pluck().get();
  if (!code || !at) throw new Error('no measure to ask about');
  return { code, at };
}

/** p50 of `samples` askings, after 20 that warm the JIT and the page cache; and the answer. */
async function sample(server: ApolloServer<RequestContext & BaseContext>, ledger: Ledger, question: AsOfQuestion, samples: number) {
  const times: number[] = [];
  let answer = '';
  for (let i = 0; i < samples + 20; i++) {
    const started = process.hrtime.bigint();
    const response = await server.executeOperation({ query: MEASURE_OVERVIEW_AT, variables: question }, { contextValue: createRequestContext(ledger, 'bench') });
    const elapsed = msSince(started);
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`as-of query failed: ${JSON.stringify(response.body)}`.slice(0, 500));
    }
    if (i >= 20) times.push(elapsed);
    answer = JSON.stringify(response.body.singleResult.data);
  }
  return { p50Ms: percentile(times, 50), answer };
}

export async function asOfBench(small: Ledger, large: Ledger, question: AsOfQuestion, rounds: number, samples: number): Promise<AsOfFigures> {
  const server = await createApolloServer();
  await server.start();
  try {
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const a = await sample(server, small, question, samples);
      const b = await sample(server, large, question, samples);
      if (a.answer !== b.answer) throw new Error('the as-of answer differs between the small and the large ledger');
      smallTimes.push(a.p50Ms);
      largeTimes.push(b.p50Ms);
      ratios.push(b.p50Ms / a.p50Ms);
    }
    return {
      eventsSmall: await small.log.headPosition(),
      eventsLarge: await large.log.headPosition(),
      p50MsSmall: median(smallTimes),
      p50MsLarge: median(largeTimes),
      ratio: median(ratios),
    };
  } finally {
    await server.stop();
  }
}
