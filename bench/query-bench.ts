// Queries over HTTP under load from a separate process: the ledger as served (uncached: the resolvers
// run on every request, over the present held in memory), the same with every read from SQLite (the
// present switched off), a bare Apollo Server sending the same JSON from memory, node:http sending the
// same bytes, and the ledger with the position-keyed response cache warm. All in this run, each after a
// warm-up.
import type { Ledger } from '../src/application/ledger';
import type { BenchConfig } from './config';
import { loadAll, type LoadResult } from './load';
import type { Operation } from './operations';
import { median } from './stats';
import { bareApolloServer, ledgerServer, post, rawHttpServer, type RunningServer } from './servers';

export interface QueryFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  bareApolloReqPerSec: number;
  rawHttpReqPerSec: number;
  ratioVsApollo: number;
  ratioVsRaw: number;
  responseBytes: number;
  cached: { reqPerSec: number; p50Ms: number; p99Ms: number; ratioVsRaw: number };
  /** Served with PLAN_LEDGER_PRESENT_CACHE_MB=0: every read of now from SQLite. */
  fromSqlite: { reqPerSec: number; p50Ms: number; p99Ms: number; ratioVsApollo: number };
  /** False when the bare server's bytes differ from the ledger's (the comparison would then be unfair). */
  sameBytes: boolean;
}

const bodyOf = (operation: Operation): string => JSON.stringify({ query: operation.query, variables: operation.variables });

/**
 * The machine is shared, and its load moves within seconds: the servers take turns in short rounds,
 * and each ratio is the median of the rounds' ratios, so a busy moment hits one round, not one server.
 */
const SERVERS = ['ledger', 'fromSqlite', 'bare', 'raw', 'cached'] as const;
type ServerName = (typeof SERVERS)[number];

async function rounds(config: BenchConfig, servers: Record<ServerName, RunningServer>, body: string) {
  const count = config.quick ? 2 : 4;
  const seconds = Math.max(1, Math.round(config.loadSeconds / count));
  const runs: Record<ServerName, LoadResult>[] = [];
  for (let round = 0; round < count; round++) {
    const results = await loadAll(
      SERVERS.map((name) => ({ url: servers[name].url, body })),
      { connections: config.connections, seconds, warmupSeconds: config.warmupSeconds },
    );
    const run = Object.fromEntries(SERVERS.map((name, i) => [name, results[i] as LoadResult])) as Record<ServerName, LoadResult>;
    for (const name of SERVERS) {
      if (run[name].non2xx > 0 || run[name].errors > 0) throw new Error(`${name}: ${run[name].non2xx} non-2xx answers and ${run[name].errors} errors under load`);
    }
    runs.push(run);
  }
  const pick = (server: keyof (typeof runs)[number], figure: keyof LoadResult) => median(runs.map((run) => run[server][figure]));
  const ratio = (a: keyof (typeof runs)[number], b: keyof (typeof runs)[number]) => median(runs.map((run) => run[a].reqPerSec / run[b].reqPerSec));
  return {
    reqPerSec: pick('ledger', 'reqPerSec'),
    p50Ms: pick('ledger', 'p50Ms'),
    p99Ms: pick('ledger', 'p99Ms'),
    bareApolloReqPerSec: pick('bare', 'reqPerSec'),
    rawHttpReqPerSec: pick('raw', 'reqPerSec'),
    ratioVsApollo: ratio('ledger', 'bare'),
    ratioVsRaw: ratio('ledger', 'raw'),
    cached: { reqPerSec: pick('cached', 'reqPerSec'), p50Ms: pick('cached', 'p50Ms'), p99Ms: pick('cached', 'p99Ms'), ratioVsRaw: ratio('cached', 'raw') },
    fromSqlite: {
      reqPerSec: pick('fromSqlite', 'reqPerSec'),
      p50Ms: pick('fromSqlite', 'p50Ms'),
      p99Ms: pick('fromSqlite', 'p99Ms'),
      ratioVsApollo: ratio('fromSqlite', 'bare'),
    },
  };
}

/** `withoutPresent` is a second ledger on the same store, opened with the present held in memory switched off. */
export async function queryBench(
  ledger: Ledger,
  withoutPresent: Ledger,
  config: BenchConfig,
  operations: readonly Operation[],
): Promise<Record<string, QueryFigures>> {
  const plain = await ledgerServer(ledger);
  const fromSqlite = await ledgerServer(withoutPresent);
  const cached = await ledgerServer(ledger, { cached: true });
  const answers = new Map<string, string>();
  const rootValue: Record<string, unknown> = {};
  try {
    for (const operation of operations) {
      const answer = await post(plain.url, bodyOf(operation));
      const parsed = JSON.parse(answer.body) as { data?: Record<string, unknown>; errors?: unknown };
      if (answer.status !== 200 || parsed.errors || !parsed.data) throw new Error(`${operation.name} failed: ${answer.body.slice(0, 500)}`);
      answers.set(operation.name, answer.body);
      for (const [field, value] of Object.entries(parsed.data)) rootValue[field] = () => value;
    }
    const bare = await bareApolloServer(rootValue);
    const figures: Record<string, QueryFigures> = {};
    try {
      for (const operation of operations) {
        const body = bodyOf(operation);
        const expected = answers.get(operation.name) ?? '';
        const sameBytes = (await post(bare.url, body)).body === expected;
        const raw = await rawHttpServer(Buffer.from(expected));
        try {
          if ((await post(fromSqlite.url, body)).body !== expected) throw new Error(`${operation.name}: the present in memory and SQLite answered differently`);
          const measured = await rounds(config, { ledger: plain, fromSqlite, bare, raw, cached }, body);
          figures[operation.name] = { ...measured, responseBytes: Buffer.byteLength(expected), sameBytes };
        } finally {
          await raw.stop();
        }
      }
    } finally {
      await bare.stop();
    }
    return figures;
  } finally {
    await plain.stop();
    await fromSqlite.stop();
    await cached.stop();
  }
}
