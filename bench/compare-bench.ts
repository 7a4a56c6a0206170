// Issue #15: compareMunicipalities(fiscalYear) over every municipality of the national ledger, the
// widest read a client can ask in one request. Asked one at a time (as verify-bench asks its trivial
// query) against the ledger as served with the response cache off, so each answer is the resolver's
// whole work: one set-based read of the year's statements (projections/queries/municipality-totals.ts)
// and the sums. Its latency is held against the request budget (src/config/limits.ts).
import type { Database } from 'better-sqlite3';
import type { Ledger } from '../src/application/ledger';
import { DEFAULT_LIMITS } from '../src/config/limits';
import type { BenchConfig } from './config';
import { ledgerServer, post } from './servers';
import { msSince, percentile } from './stats';

export interface CompareFigures {
  fiscalYear: number;
  /** Rows answered: one per municipality that states anything that year. */
  municipalities: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  responseBytes: number;
  /** The time budget of one request, PLAN_LEDGER_REQUEST_TIMEOUT_MS by default. */
  requestBudgetMs: number;
}

export const COMPARE_MUNICIPALITIES = `query CompareMunicipalities($fiscalYear: Int!) {
  compareMunicipalities(fiscalYear: $fiscalYear) {
    municipality { code name prefecture } fiscalYear budget spending executionRate staffing measured achieved revisedTargets
  }
}`;

/** The fiscal year with the most statements: the heaviest year to sum (ties: the latest). */
export function busiestYear(db: Database): number {
  const year = db
    .prepare<[], number>('SELECT fiscal_year FROM rm_value_statements GROUP BY fiscal_year ORDER BY COUNT(*) DESC, fiscal_year DESC LIMIT 1')
    .pluck()
    .get();
  if (year === undefined) throw new Error('the generated ledger states no values');
  return year;
}

const WARM_UP = 3;
const MAX_SECONDS = 30;

export async function compareBench(ledger: Ledger, config: BenchConfig): Promise<CompareFigures> {
  const fiscalYear = busiestYear(ledger.readModel.databaseForTests());
  const body = JSON.stringify({ query: COMPARE_MUNICIPALITIES, variables: { fiscalYear } });
  const server = await ledgerServer(ledger);
  try {
    const latencies: number[] = [];
    let rows = 0;
    let responseBytes = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < WARM_UP + config.compareSamples && msSince(started) < MAX_SECONDS * 1000; i++) {
      const asked = process.hrtime.bigint();
      const answer = await post(server.url, body);
      const ms = msSince(asked);
      const parsed = JSON.parse(answer.body) as { data?: { compareMunicipalities: unknown[] } | null; errors?: unknown };
      if (answer.status !== 200 || parsed.errors || !parsed.data) throw new Error(`compareMunicipalities failed: ${answer.body.slice(0, 500)}`);
      rows = parsed.data.compareMunicipalities.length;
      responseBytes = Buffer.byteLength(answer.body);
      if (i >= WARM_UP) latencies.push(ms);
    }
    if (rows !== config.municipalities) throw new Error(`compareMunicipalities(${fiscalYear}) answered ${rows} municipalities of ${config.municipalities}`);
    return {
      fiscalYear,
      municipalities: rows,
      samples: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      responseBytes,
      requestBudgetMs: DEFAULT_LIMITS.requestTimeoutMs,
    };
  } finally {
    await server.stop();
  }
}
