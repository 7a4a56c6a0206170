// Issue #15: does holding every municipality cost one municipality's reader? The measure overview of
// one municipality, served from the national ledger, against the same municipality alone in a ledger
// of its own: the same generator and the same index (municipalityAt), so the same plan, the same
// events and the same answer, byte for byte. Both are served as the existing overview figure is
// (startServer, the response cache off, the present held in memory), loaded by autocannon from the
// worker in alternating rounds; the ratio is the median of the rounds' p50 ratios, from each answer's
// own time (autocannon's histogram has whole milliseconds only).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { generateLedger } from '../src/cli/commands/generate/generate-ledger';
import { municipalityAt } from '../src/cli/commands/generate/municipal-plan';
import { splitQualifiedId } from '../src/domain/ids';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import type { BenchConfig } from './config';
import { loadAll, type LoadResult } from './load';
import type { Operation } from './operations';
import { ledgerServer, post } from './servers';
import { median } from './stats';

export interface AloneFigures {
  /** The qualified measure code asked in both ledgers. */
  code: string;
  municipalities: number;
  eventsNational: number;
  eventsAlone: number;
  national: { p50Ms: number; p99Ms: number; reqPerSec: number };
  alone: { p50Ms: number; p99Ms: number; reqPerSec: number };
  /** Median over the rounds of national p50 / alone p50. */
  p50Ratio: number;
}

/** The generator's index of the municipality with this code, among the first `municipalities`. */
function indexOf(code: string, municipalities: number): number {
  for (let i = 0; i < municipalities; i++) if (municipalityAt(i).code === code) return i;
  throw new Error(`municipality ${code} is not one of the generator's first ${municipalities}`);
}

export async function aloneBench(national: Ledger, config: BenchConfig, overview: Operation): Promise<AloneFigures> {
  const code = String(overview.variables['code']);
  const { municipality } = splitQualifiedId(code);
  if (municipality === null) throw new Error(`${code} is not a qualified measure code`);
  const path = join(config.dir, 'alone.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const alone = await Ledger.embedded(new SqliteEventStore({ path }));
  try {
    const first = indexOf(municipality, config.municipalities);
    await generateLedger(alone, { municipalities: 1, firstMunicipality: first, years: config.years, editions: config.editions });
    const servers = [await ledgerServer(national), await ledgerServer(alone)] as const;
    try {
      const body = JSON.stringify({ query: overview.query, variables: overview.variables });
      const [a, b] = await Promise.all(servers.map((server) => post(server.url, body)));
      if (!a || !b || a.status !== 200 || a.body !== b.body || a.body.includes('"errors"')) {
        throw new Error(`the national ledger and ${municipality} alone answered ${code} differently: ${a?.body.slice(0, 300)} / ${b?.body.slice(0, 300)}`);
      }
      // As query-bench's rounds: the same count, length and warm-up.
      const count = config.quick ? 2 : 4;
      const seconds = Math.max(1, Math.round(config.loadSeconds / count));
      const rounds: { n: LoadResult; o: LoadResult }[] = [];
      for (let round = 0; round < count; round++) {
        // The worker loads its targets in turn: the first of a round measured slower in trials on this
        // machine whichever it was, so the two take the first place in turns.
        const order = round % 2 === 0 ? servers : ([servers[1], servers[0]] as const);
        const results = await loadAll(
          order.map((server) => ({ url: server.url, body })),
          { connections: config.connections, seconds, warmupSeconds: config.warmupSeconds },
        );
        const [n, o] = round % 2 === 0 ? results : [results[1], results[0]];
        if (!n || !o || n.non2xx + n.errors + o.non2xx + o.errors > 0) throw new Error('errors under load in the national/alone rounds');
        rounds.push({ n, o });
      }
      const figure = (side: 'n' | 'o') => ({
        p50Ms: median(rounds.map((r) => r[side].p50MsExact)),
        p99Ms: median(rounds.map((r) => r[side].p99MsExact)),
        reqPerSec: median(rounds.map((r) => r[side].reqPerSec)),
      });
      return {
        code,
        municipalities: national.readModel.municipalities().length,
        eventsNational: await national.log.headPosition(),
        eventsAlone: await alone.log.headPosition(),
        national: figure('n'),
        alone: figure('o'),
        p50Ratio: median(rounds.map((r) => r.n.p50MsExact / r.o.p50MsExact)),
      };
    } finally {
      for (const server of servers) await server.stop();
    }
  } finally {
    await alone.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}
